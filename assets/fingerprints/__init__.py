"""Fingerprints of the four modalities behind one small interface.

`compute` turns a file (or a text) into JSON-serialisable data that is stored with the asset;
`candidate_terms` lists the index terms that find candidates, in groups with the number of shared
terms a candidate needs; `compare` verifies one candidate exactly and says why it matched. The
search backends only ever see terms; everything else stays in this package and `search.lsh`.
"""

from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from search import lsh

MODALITIES = ("image", "video", "audio", "text")


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


def compute(modality: str, source: str | Path) -> dict:
    """The fingerprint data of a file (image, video, audio) or of a text (modality "text")."""
    if modality == "image":
        from .images import image_fingerprint

        return image_fingerprint(source).to_json()
    if modality == "video":
        from .video import keyframes, video_fingerprint

        return {
            "frames": [[f.seconds, f.pdq] for f in video_fingerprint(source)],
            "keyframes": [[seconds, data] for seconds, data in keyframes(source)],
        }
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
        strong = lsh.image_hash_terms(fingerprint.hashes)
        weak = lsh.orb_terms(fingerprint.features.descriptors)
        return [(strong, 1), (weak, lsh.thresholds()["image_min_shared_terms"])]
    if modality == "video":
        return [(lsh.video_terms(pdq for _seconds, pdq in data["frames"]), 1)]
    if modality == "audio":
        return [(lsh.audio_terms(data["chromaprint"]), 1)]
    if modality == "text":
        return [(lsh.minhash_terms(data["minhash"]), 1)]
    raise ValueError(f"unknown modality {modality!r}")


_DECODED_IMAGES: OrderedDict[str, object] = OrderedDict()
DECODED_IMAGES_KEPT = 1024


def _decoded_image(data: dict):
    """Decoding a stored image fingerprint (PNG thumbnail, features) takes milliseconds, and one
    upload meets many candidates: recently decoded ones are kept, keyed by their thumbnail."""
    from .images import ImageFingerprint

    key = data["thumbnail"]
    decoded = _DECODED_IMAGES.get(key)
    if decoded is None:
        decoded = _DECODED_IMAGES[key] = ImageFingerprint.from_json(data)
        while len(_DECODED_IMAGES) > DECODED_IMAGES_KEPT:
            _DECODED_IMAGES.popitem(last=False)
    return decoded


def _compare_videos(query: dict, candidate: dict, limits: dict) -> Comparison:
    """Frame hashes aligned in time decide most copies. A cropped copy with a logo moves every
    frame hash further than a strict limit allows, but not further than a loose one: then the
    key frames must also match as pictures (local features), which a near miss does not."""
    ratio, ranges = lsh.video_match(candidate["frames"], query["frames"], limits)
    if ratio >= limits["video_min_ratio"]:
        return Comparison(True, "frames", ratio, {"ratio": ratio, "ranges": ranges})
    loose = dict(limits, video_frame_pdq=limits["video_loose_frame_pdq"])
    loose_ratio, loose_ranges = lsh.video_match(candidate["frames"], query["frames"], loose)
    details = {"ratio": ratio, "loose_ratio": loose_ratio, "ranges": loose_ranges}
    if loose_ratio < limits["video_min_ratio"]:
        return Comparison(False, "frames", ratio, details)
    agreeing = _agreeing_keyframes(
        query.get("keyframes", []), candidate.get("keyframes", []), limits
    )
    details["keyframes_matched"] = agreeing
    same = agreeing >= limits["video_min_keyframes"]
    return Comparison(same, "frames+keyframes", loose_ratio, details)


def _agreeing_keyframes(query: list, candidate: list, limits: dict) -> int:
    """How many of the query's key frames match one of the candidate's as a picture."""
    return sum(
        any(lsh.image_match(_decoded_image(theirs), _decoded_image(ours), limits)[0]
            for _seconds, theirs in candidate)
        for _seconds, ours in query
    )  # fmt: skip


def index_terms(modality: str, data: dict) -> list[str]:
    """Every term to store in the index for this fingerprint."""
    return [term for terms, _needed in candidate_terms(modality, data) for term in terms]


def compare(
    modality: str, query: dict, candidate: dict, limits: dict | None = None, thorough: bool = True
) -> Comparison:
    """Verify a candidate against the query exactly (Hamming, alignment, Jaccard); `thorough`
    False skips the costly checks meant for candidates found by weak (local-feature) terms."""
    limits = limits or lsh.thresholds()
    if modality == "image":
        if thorough:  # only a thorough check decodes the thumbnails (milliseconds each)
            same, why = lsh.image_match(_decoded_image(candidate), _decoded_image(query), limits)
        else:
            same, why = lsh.global_match(candidate["hashes"], query["hashes"], limits)
        return Comparison(same, why["method"], 1 - why["distance"] / 256, why)
    if modality == "video":
        return _compare_videos(query, candidate, limits)
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
