"""Does any asset, of any agency, still refer to a stored original?"""

from ..kinds import MEDIA, asset_models
from ..storage_keys import ORIGINALS_PREFIX


def is_content_key(name: str) -> bool:
    """Content-addressed originals; `originals/unhashed/` keys are random, so not shared."""
    return name.startswith(f"{ORIGINALS_PREFIX}/") and not name.startswith(
        f"{ORIGINALS_PREFIX}/unhashed/"
    )


def original_is_referenced(name: str) -> bool:
    lookups = [(model, "file") for model in asset_models()] + [(MEDIA.model, "thumbnail")]
    return any(model.objects.filter(**{field: name}).exists() for model, field in lookups)
