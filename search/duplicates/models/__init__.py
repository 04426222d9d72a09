from .checks import CheckedMatch, DuplicateCheck
from .decisions import DuplicateDecision
from .fingerprints import AssetFingerprint
from .groups import DuplicateGroup, DuplicateMember
from .status import FingerprintStatus

__all__ = [
    "AssetFingerprint",
    "CheckedMatch",
    "DuplicateCheck",
    "DuplicateDecision",
    "DuplicateGroup",
    "DuplicateMember",
    "FingerprintStatus",
]
