"""Find the asset a stored file belongs to, so that serving it can check who may see it."""

from .models import DocumentAsset, ImageAsset, ImageAssetRendition, MediaAsset


def asset_for_stored_file(name: str):
    """The asset that owns the stored file `name` (original, rendition or thumbnail), or None."""
    lookups = (
        (ImageAsset, "file"),
        (DocumentAsset, "file"),
        (MediaAsset, "file"),
        (MediaAsset, "thumbnail"),
    )
    for model, field_name in lookups:
        asset = model.objects.filter(**{field_name: name}).first()
        if asset is not None:
            return asset
    rendition = (
        ImageAssetRendition.objects.filter(file=name).select_related("image").first()
    )
    return rendition.image if rendition else None
