"""Text (a document's extracted text, an article): MinHash over word shingles of the folded text,
so a copy without diacritics is the same text."""

from pathlib import Path

from ..algorithms.exact import pdf_content_hash
from ..algorithms.text import minhash
from ..algorithms.text_match import jaccard_estimate, minhash_terms
from ..algorithms.thresholds import Thresholds
from .base import Comparison, Modality, Progress, TermGroup


class TextModality(Modality):
    name = "text"

    def compute(self, source: str | Path, on_progress: Progress | None = None) -> dict:
        return {"minhash": minhash(str(source))}

    def candidate_terms(self, data: dict, limits: Thresholds) -> list[TermGroup]:
        return [TermGroup(minhash_terms(data["minhash"]))]

    def compare(
        self, query: dict, candidate: dict, limits: Thresholds, thorough: bool = True
    ) -> Comparison:
        jaccard = jaccard_estimate(candidate["minhash"], query["minhash"])
        same = jaccard >= limits.text_jaccard
        return Comparison(same, "minhash", jaccard, {"jaccard": round(jaccard, 3)})

    def content_hash(self, path: str | Path) -> str:
        """The text comes from a PDF: the hash of its page content streams."""
        return pdf_content_hash(path)
