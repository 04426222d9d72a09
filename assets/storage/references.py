"""Does any asset, of any agency, still refer to a stored original?"""

from ..storage_keys import ORIGINALS_PREFIX


def is_content_key(name: str) -> bool:
    """Content-addressed originals; `originals/unhashed/` keys are random, so not shared."""
    return name.startswith(f"{ORIGINALS_PREFIX}/") and not name.startswith(
        f"{ORIGINALS_PREFIX}/unhashed/"
    )


def original_is_referenced(name: str) -> bool:
    from ..models import DocumentAsset, ImageAsset, MediaAsset

    lookups = (
        (ImageAsset, "file"),
        (DocumentAsset, "file"),
        (MediaAsset, "file"),
        (MediaAsset, "thumbnail"),
    )
    return any(model.objects.filter(**{field: name}).exists() for model, field in lookups)
