"""What every modality offers: compute a fingerprint, list its index terms, verify a candidate,
hash the content whatever the file's metadata says.

A new way of finding copies (a mirrored hash, another candidate source) is a change to one
modality: the matcher, the index and the API only ever call these methods.
"""

from dataclasses import dataclass, field
from pathlib import Path

from ..algorithms.thresholds import Thresholds


@dataclass
class Comparison:
    """The verdict on one candidate: the same work or not, and the measures that decided it."""

    same: bool
    signal: str  # which fingerprint decided: "pdq", "pdq-value", "local-features", "frames"...
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


class Modality:
    name = ""

    def compute(self, source: str | Path) -> dict:
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

    def content_hash(self, path: str | Path) -> str:
        """A hash of what a viewer sees or hears, equal for a copy whose metadata changed."""
        return ""
