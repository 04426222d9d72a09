"""Articles are checked for copies when they are saved or published, not when the index happens
to build their record: the text of the page as the editor wrote it is compared with every
article and document; the stored fingerprints are those of the published text."""

from search.keys import key_for
from search.records import article_text

from .disclosure import disclose
from .fingerprinting import Fingerprinted, text_fingerprint
from .matching import find_duplicates
from .models import DuplicateDecision
from .storing import store_fingerprints


def article_fingerprints(page) -> Fingerprinted:
    return Fingerprinted(sha256="", text_data=text_fingerprint(article_text(page)))


def store_article_fingerprints(page) -> None:
    """What later checks compare with: the text the article is published with."""
    store_fingerprints(page, article_fingerprints(page))


def undecided_copies(page, user):
    """(the check, the copies of this text its editor has not decided about yet, as `user` may
    see them); (None, []) when there are none."""
    key = key_for(page)
    matches = find_duplicates(article_fingerprints(page), exclude={key})
    decided = set(
        DuplicateDecision.objects.filter(asset_key=key).values_list("candidate_key", flat=True)
    )
    matches = [match for match in matches if match.key not in decided]
    if not matches:
        return None, []
    return disclose(matches, user, asset_key=key)
