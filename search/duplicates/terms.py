"""The index terms of an asset's or article's fingerprints, for search's records (registered with
`search.term_providers` when the app is ready). Reading only: fingerprints are stored when an
upload is stored and when an article is published (`signal_handlers`)."""

from search.keys import key_for

from .models import AssetFingerprint


def duplicate_terms(instance) -> tuple[list[str], dict]:
    rows = AssetFingerprint.objects.filter(key=key_for(instance)).values_list("terms", flat=True)
    return [term for terms in rows for term in terms], {}
