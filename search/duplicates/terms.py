"""The index terms of an asset's or article's fingerprints (settings LIBRARY_SEARCH TERM_PROVIDERS).

Articles are fingerprinted here, when they are indexed: their text is what the index receives
anyway, and a published change re-indexes them.
"""

from assets.fingerprinting import Fingerprinted, store_fingerprints, text_fingerprint
from assets.models import AssetFingerprint

from ..keys import key_for, kind_for_model


def duplicate_terms(instance) -> tuple[list[str], dict]:
    if kind_for_model(type(instance)) == "article":
        _fingerprint_article(instance)
    rows = AssetFingerprint.objects.filter(key=key_for(instance)).values_list("terms", flat=True)
    return [term for terms in rows for term in terms], {}


def _fingerprint_article(page) -> None:
    from ..records import article_text

    text_data = text_fingerprint(article_text(page))
    store_fingerprints(page, Fingerprinted(sha256="", text_data=text_data))
