from .documents import DocumentAsset
from .images import ImageAsset, ImageAssetRendition
from .media import MediaAsset
from .uploads import ResumableUpload, UploadStatus

__all__ = [
    "DocumentAsset",
    "ImageAsset",
    "ImageAssetRendition",
    "MediaAsset",
    "ResumableUpload",
    "UploadStatus",
]
