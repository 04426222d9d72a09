"""Audio: Chromaprint's raw sub-fingerprints, aligned so that a trimmed copy still matches."""

from ..algorithms.audio import SECONDS_PER_ITEM, audio_fingerprint
from ..algorithms.audio_match import audio_is_match, audio_match, audio_terms
from ..algorithms.exact import media_content_hash
from ..algorithms.media import media_duration
from ..algorithms.thresholds import Thresholds
from .base import Comparison, Modality, Progress, TermGroup


class AudioModality(Modality):
    name = "audio"

    def compute(self, source, on_progress: Progress | None = None) -> dict:
        duration = media_duration(source) if on_progress is not None else 0.0
        return {
            "chromaprint": audio_fingerprint(source, on_progress=on_progress, duration=duration)
        }

    def candidate_terms(self, data: dict, limits: Thresholds) -> list[TermGroup]:
        return [TermGroup(audio_terms(data["chromaprint"]))]

    def compare(
        self, query: dict, candidate: dict, limits: Thresholds, thorough: bool = True
    ) -> Comparison:
        aligned = audio_match(candidate["chromaprint"], query["chromaprint"], limits)
        details = {"score": aligned.score, "peak": aligned.peak,
                   "coverage": aligned.coverage,
                   "offset_seconds": round(aligned.offset * SECONDS_PER_ITEM, 2)}  # fmt: skip
        same = audio_is_match(aligned, limits)
        return Comparison(same, "chromaprint", aligned.score, details)

    def content_hash(self, source) -> str:
        return media_content_hash(source)
