"""What every modality offers: compute a fingerprint, list its index terms, verify a candidate,
hash the content whatever the file's metadata says.

A new way of finding copies (a mirrored hash, another candidate source) is a change to one
modality: the matcher, the index and the API only ever call these methods.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from ..algorithms.thresholds import Thresholds


@dataclass
class Comparison:
    """The verdict on one candidate: the same work or not, and the measures that decided it."""

    same: bool
    signal: str  # which fingerprint decided: "pdq", "pdq-value", "local-features", "dense"...
    similarity: float  # 0..1, higher is closer, comparable within one modality
    details: dict = field(default_factory=dict)  # distance, offsets, matching time ranges

    def __post_init__(self) -> None:
        # numpy scalars would leak into JSON answers and stored decisions
        self.same = bool(self.same)
        self.similarity = round(float(self.similarity), 4)
        self.details = _plain(self.details)


def _plain(value):
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return value.item() if hasattr(value, "item") else value


@dataclass(frozen=True)
class TermGroup:
    """Index terms that find candidates, and how many of them a candidate must share. Groups
    that need several (weak terms, such as local features) mark candidates for the thorough
    check."""

    terms: list[str]
    needed: int = 1

    @property
    def weak(self) -> bool:
        return self.needed > 1


# Told the share of the work done (0..1) while a long fingerprint is computed.
Progress = Callable[[float], None]


def part_of(on_progress: Progress | None, start: float, end: float) -> Progress | None:
    """A progress callback for one step that spans `start`..`end` of the whole."""
    if on_progress is None:
        return None
    return lambda done: on_progress(start + (end - start) * done)


class Modality:
    """`source` is a path for images and documents, an `assets.ffmpeg.MediaInput` (the format
    its bytes were identified as) for audio and video, and the text itself for "text"."""

    name = ""
    # The parts of a stored fingerprint that `compare(..., thorough=False)` reads; empty: all.
    quick_fields: tuple[str, ...] = ()

    def compute(self, source, on_progress: Progress | None = None) -> dict:
        """The fingerprint data (JSON-serialisable) of a file, or of a text for "text"."""
        raise NotImplementedError

    def candidate_terms(self, data: dict, limits: Thresholds) -> list[TermGroup]:
        raise NotImplementedError

    def index_terms(self, data: dict, limits: Thresholds) -> list[str]:
        """Every term to store in the index for this fingerprint."""
        return [term for group in self.candidate_terms(data, limits) for term in group.terms]

    def compare(
        self, query: dict, candidate: dict, limits: Thresholds, thorough: bool = True
    ) -> Comparison:
        """Verify a candidate against the query exactly; `thorough` False may skip the costly
        checks meant for candidates found by weak terms."""
        raise NotImplementedError

    def content_hash(self, source) -> str:
        """A hash of what a viewer sees or hears, equal for a copy whose metadata changed."""
        return ""
