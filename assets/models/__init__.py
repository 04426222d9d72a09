from .documents import DocumentAsset
from .images import ImageAsset, ImageAssetRendition
from .media import MediaAsset

__all__ = ["DocumentAsset", "ImageAsset", "ImageAssetRendition", "MediaAsset"]
