from .decisions import DuplicateDecision
from .fingerprints import AssetFingerprint
from .groups import DuplicateGroup, DuplicateMember

__all__ = ["AssetFingerprint", "DuplicateDecision", "DuplicateGroup", "DuplicateMember"]
