"""The limits that turn distances into verdicts, chosen with `make eval-dedup`.

Deployments override any of them with the DEDUP_THRESHOLDS setting (`..thresholds`); the
algorithms take a `Thresholds` argument and never read settings themselves.
"""

from dataclasses import dataclass, fields, replace


@dataclass(frozen=True)
class Thresholds:
    image_global_pdq: int = 34  # Hamming distance of whole-image (or content-box) PDQ hashes
    image_value_pdq: int = 20  # ... of the value-channel hashes (recoloured copies); misses: 34+
    image_aligned_pdq: int = 36  # PDQ distance of the overlap found by local features
    image_aligned_pdq_loose: int = 72  # ... or this far, when nearly every tile agrees (colour)
    image_min_tiles: float = 0.94  # share of 8x8 overlap tiles that agree (other text: fewer)
    image_min_coverage: float = 0.5  # share of one picture the overlap must cover
    image_dense_start: int = 72  # global PDQ distance under which dense alignment starts unaided
    image_min_shared_terms: int = 2  # candidate needs this many shared local-feature terms
    video_frame_pdq: int = 48  # two sampled frames are the same picture at this distance
    video_min_ratio: float = 0.5  # share of the shorter video's frames matched in one alignment
    video_loose_frame_pdq: int = 72  # frames this close count if key frames also match
    video_min_keyframes: int = 1  # query key frames that must match one of the candidate's
    audio_max_bit_error: float = 0.35  # Chromaprint bit error rate at the best alignment
    audio_min_overlap: int = 40  # sub-fingerprints (about 5 s) the alignment must share
    audio_min_peak: float = 9.0  # spreads the best alignment stands out (other speech: under 7)
    audio_min_coverage: float = 0.8  # share of the shorter recording the alignment must cover
    text_jaccard: float = 0.45  # MinHash Jaccard estimate of folded shingles

    @classmethod
    def names(cls) -> set[str]:
        return {field.name for field in fields(cls)}

    def overridden(self, overrides: dict) -> "Thresholds":
        """These thresholds with some replaced; ValueError names an unknown or non-numeric one."""
        unknown = set(overrides) - self.names()
        if unknown:
            raise ValueError(f"unknown duplicate thresholds: {', '.join(sorted(unknown))}")
        for name, value in overrides.items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise ValueError(f"duplicate threshold {name} must be a number, not {value!r}")
        return replace(self, **overrides)


DEFAULT_THRESHOLDS = Thresholds()
