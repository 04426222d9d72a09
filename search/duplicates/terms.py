"""The index terms of an asset's or article's fingerprints, for search's records (registered with
`search.term_providers` when the app is ready).

Articles are fingerprinted here, when they are indexed: their text is what the index receives
anyway, and a published change re-indexes them.
"""

from search.keys import key_for, kind_for_model
from search.records import article_text

from .fingerprinting import Fingerprinted, text_fingerprint
from .models import AssetFingerprint
from .storing import store_fingerprints


def duplicate_terms(instance) -> tuple[list[str], dict]:
    if kind_for_model(type(instance)) == "article":
        _fingerprint_article(instance)
    rows = AssetFingerprint.objects.filter(key=key_for(instance)).values_list("terms", flat=True)
    return [term for terms in rows for term in terms], {}


def _fingerprint_article(page) -> None:
    text_data = text_fingerprint(article_text(page))
    store_fingerprints(page, Fingerprinted(sha256="", text_data=text_data))
