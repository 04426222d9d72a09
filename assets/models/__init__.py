from .documents import DocumentAsset
from .duplicates import Decision, DuplicateDecision, DuplicateGroup, DuplicateMember
from .fingerprints import AssetFingerprint, Modality
from .images import ImageAsset, ImageAssetRendition
from .media import MediaAsset
from .uploads import ResumableUpload, UploadStatus

__all__ = [
    "AssetFingerprint",
    "Decision",
    "DuplicateDecision",
    "DuplicateGroup",
    "DuplicateMember",
    "Modality",
    "DocumentAsset",
    "ImageAsset",
    "ImageAssetRendition",
    "MediaAsset",
    "ResumableUpload",
    "UploadStatus",
]
