"""Video: PDQ of frames sampled at a fixed rate, aligned in time; for copies that moved every
frame too far (cropped, with a logo), a few key frames compared as pictures."""

from ..algorithms.exact import media_content_hash
from ..algorithms.image_match import image_match
from ..algorithms.media import media_duration
from ..algorithms.thresholds import Thresholds
from ..algorithms.video import keyframes, video_fingerprint
from ..algorithms.video_match import video_match, video_terms
from .base import Comparison, Modality, Progress, TermGroup, part_of
from .image import ImageModality


class VideoModality(Modality):
    name = "video"

    def __init__(self, images: ImageModality) -> None:
        self.images = images  # key frames are image fingerprints

    def compute(self, source, on_progress: Progress | None = None) -> dict:
        duration = media_duration(source)
        frames = video_fingerprint(
            source, on_progress=part_of(on_progress, 0, 0.9), duration=duration
        )
        return {
            "frames": [[frame.seconds, frame.pdq] for frame in frames],
            "keyframes": [[seconds, data] for seconds, data in keyframes(source, duration)],
        }

    def candidate_terms(self, data: dict, limits: Thresholds) -> list[TermGroup]:
        return [TermGroup(video_terms(pdq for _seconds, pdq in data["frames"]))]

    def compare(
        self, query: dict, candidate: dict, limits: Thresholds, thorough: bool = True
    ) -> Comparison:
        """Frame hashes aligned in time decide most copies. A cropped copy with a logo moves every
        frame hash further than a strict limit allows, but not further than a loose one: then the
        key frames must also match as pictures (local features), which a near miss does not."""
        ratio, ranges = video_match(candidate["frames"], query["frames"], limits)
        if ratio >= limits.video_min_ratio:
            return Comparison(True, "frames", ratio, {"ratio": ratio, "ranges": ranges})
        loose_ratio, loose_ranges = video_match(
            candidate["frames"], query["frames"], limits, limits.video_loose_frame_pdq
        )
        details = {"ratio": ratio, "loose_ratio": loose_ratio, "ranges": loose_ranges}
        if loose_ratio < limits.video_min_ratio:
            return Comparison(False, "frames", ratio, details)
        agreeing = self._agreeing_keyframes(
            query.get("keyframes", []), candidate.get("keyframes", []), limits
        )
        details["keyframes_matched"] = agreeing
        same = agreeing >= limits.video_min_keyframes
        return Comparison(same, "frames+keyframes", loose_ratio, details)

    def content_hash(self, source) -> str:
        return media_content_hash(source)

    def _agreeing_keyframes(self, query: list, candidate: list, limits: Thresholds) -> int:
        """How many of the query's key frames match one of the candidate's as a picture."""
        decoded = self.images.decoded
        return sum(
            any(image_match(decoded(theirs), decoded(ours), limits)[0]
                for _seconds, theirs in candidate)
            for _seconds, ours in query
        )  # fmt: skip
