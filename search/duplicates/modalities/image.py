"""Still images: global PDQ hashes (whole, content box, value channel, screens seen at an angle),
ORB local features and a thumbnail; verified by the hashes, or by aligning local features (refined
on the pixels when they are few) and comparing the overlap."""

from collections import OrderedDict
from pathlib import Path

from ..algorithms.exact import image_content_hash
from ..algorithms.image_match import global_match, image_hash_terms, image_match, orb_terms
from ..algorithms.images import ImageFingerprint, image_fingerprint
from ..algorithms.thresholds import Thresholds
from .base import Comparison, Modality, Progress, TermGroup

DECODED_IMAGES_KEPT = 1024


class ImageModality(Modality):
    name = "image"
    quick_fields = ("hashes",)

    def __init__(self) -> None:
        self._decoded: OrderedDict[str, ImageFingerprint] = OrderedDict()

    def compute(self, source: str | Path, on_progress: Progress | None = None) -> dict:
        return image_fingerprint(source).to_json()

    def candidate_terms(self, data: dict, limits: Thresholds) -> list[TermGroup]:
        """Any band term of a hash is enough; local-feature terms are weak alone."""
        fingerprint = self.decoded(data)
        return [
            TermGroup(image_hash_terms(fingerprint.hashes)),
            TermGroup(orb_terms(fingerprint.features.descriptors), limits.image_min_shared_terms),
        ]

    def index_terms(self, data: dict, limits: Thresholds) -> list[str]:
        """The picture as it is: queries look for their own mirrored and turned versions."""
        fingerprint = self.decoded(data)
        return image_hash_terms(fingerprint.hashes, turned=False) + orb_terms(
            fingerprint.features.descriptors
        )

    def compare(
        self, query: dict, candidate: dict, limits: Thresholds, thorough: bool = True
    ) -> Comparison:
        if thorough:  # only a thorough check decodes the thumbnails (milliseconds each)
            same, why = image_match(self.decoded(candidate), self.decoded(query), limits)
        else:
            same, why = global_match(candidate["hashes"], query["hashes"], limits)
        return Comparison(same, why["method"], 1 - why["distance"] / 256, why)

    def content_hash(self, path: str | Path) -> str:
        return image_content_hash(path)

    def decoded(self, data: dict) -> ImageFingerprint:
        """Decoding a stored fingerprint (PNG thumbnail, features) takes milliseconds, and one
        upload meets many candidates: recently decoded ones are kept, keyed by their thumbnail."""
        key = data["thumbnail"]
        decoded = self._decoded.get(key)
        if decoded is None:
            decoded = self._decoded[key] = ImageFingerprint.from_json(data)
            while len(self._decoded) > DECODED_IMAGES_KEPT:
                self._decoded.popitem(last=False)
        return decoded
