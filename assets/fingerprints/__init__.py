"""Fingerprints of the four modalities behind one small interface.

`compute` turns a file (or a text) into JSON-serialisable data that is stored with the asset;
`candidate_terms` lists the index terms that find candidates, in groups with the number of shared
terms a candidate needs; `compare` verifies one candidate exactly and says why it matched. The
search backends only ever see terms; everything else stays in this package and `search.lsh`.
"""

from dataclasses import dataclass, field
from pathlib import Path

from search import lsh

MODALITIES = ("image", "video", "audio", "text")


@dataclass
class Comparison:
    """The verdict on one candidate: the same work or not, and the measures that decided it."""

    same: bool
    signal: str  # which fingerprint decided: "pdq", "local-features", "frames", "chromaprint"...
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


def compute(modality: str, source: str | Path) -> dict:
    """The fingerprint data of a file (image, video, audio) or of a text (modality "text")."""
    if modality == "image":
        from .images import image_fingerprint

        return image_fingerprint(source).to_json()
    if modality == "video":
        from .video import video_fingerprint

        return {"frames": [[f.seconds, f.pdq] for f in video_fingerprint(source)]}
    if modality == "audio":
        from .audio import audio_fingerprint

        return {"chromaprint": audio_fingerprint(source)}
    if modality == "text":
        from .text import minhash

        return {"minhash": minhash(str(source))}
    raise ValueError(f"unknown modality {modality!r}")


def candidate_terms(modality: str, data: dict) -> list[tuple[list[str], int]]:
    """Groups of (index terms, shared terms a candidate needs): any band term of a hash is enough,
    local-feature terms are weak alone and need several."""
    if modality == "image":
        from .images import ImageFingerprint

        fingerprint = ImageFingerprint.from_json(data)
        strong = sorted({t for pdq in fingerprint.hashes.values() for t in lsh.pdq_terms(pdq)})
        weak = lsh.orb_terms(fingerprint.features.descriptors)
        return [(strong, 1), (weak, lsh.thresholds()["image_min_shared_terms"])]
    if modality == "video":
        return [(lsh.video_terms(pdq for _seconds, pdq in data["frames"]), 1)]
    if modality == "audio":
        return [(lsh.audio_terms(data["chromaprint"]), 1)]
    if modality == "text":
        return [(lsh.minhash_terms(data["minhash"]), 1)]
    raise ValueError(f"unknown modality {modality!r}")


def index_terms(modality: str, data: dict) -> list[str]:
    """Every term to store in the index for this fingerprint."""
    return [term for terms, _needed in candidate_terms(modality, data) for term in terms]


def compare(modality: str, query: dict, candidate: dict, limits: dict | None = None) -> Comparison:
    """Verify a candidate against the query exactly (Hamming, alignment, Jaccard)."""
    limits = limits or lsh.thresholds()
    if modality == "image":
        from .images import ImageFingerprint

        same, why = lsh.image_match(
            ImageFingerprint.from_json(candidate), ImageFingerprint.from_json(query), limits
        )
        distance = why.get("aligned_distance", why["pdq_distance"])
        return Comparison(same, why.get("method", "pdq"), 1 - distance / 256, why)
    if modality == "video":
        ratio, ranges = lsh.video_match(candidate["frames"], query["frames"], limits)
        same = ratio >= limits["video_min_ratio"]
        return Comparison(same, "frames", ratio, {"ratio": ratio, "ranges": ranges})
    if modality == "audio":
        from .audio import SECONDS_PER_ITEM

        score, offset = lsh.audio_match(candidate["chromaprint"], query["chromaprint"], limits)
        details = {"score": score, "offset_seconds": round(offset * SECONDS_PER_ITEM, 2)}
        return Comparison(lsh.audio_is_match(score, limits), "chromaprint", score, details)
    if modality == "text":
        jaccard = lsh.jaccard_estimate(candidate["minhash"], query["minhash"])
        same = jaccard >= limits["text_jaccard"]
        return Comparison(same, "minhash", jaccard, {"jaccard": round(jaccard, 3)})
    raise ValueError(f"unknown modality {modality!r}")
