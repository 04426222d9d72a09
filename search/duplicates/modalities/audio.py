"""Audio: Chromaprint's raw sub-fingerprints, aligned so that a trimmed copy still matches."""

from pathlib import Path

from ..algorithms.audio import SECONDS_PER_ITEM, audio_fingerprint
from ..algorithms.audio_match import audio_is_match, audio_match, audio_terms
from ..algorithms.exact import media_content_hash
from ..algorithms.thresholds import Thresholds
from .base import Comparison, Modality, TermGroup


class AudioModality(Modality):
    name = "audio"

    def compute(self, source: str | Path) -> dict:
        return {"chromaprint": audio_fingerprint(source)}

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

    def content_hash(self, path: str | Path) -> str:
        return media_content_hash(path)
