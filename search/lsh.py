"""Index terms for near-duplicate candidates, and exact verification of the candidates.

Backend-agnostic and pure: each fingerprint becomes a few string terms that an inverted index
stores as keywords (candidates are the documents sharing a term, so lookup is sub-linear); each
candidate is then verified with the exact measure for its kind. Thresholds come from
`DEFAULT_THRESHOLDS`, chosen with `make eval-dedup`, overridable by `settings.DEDUP_THRESHOLDS`.
"""

import hashlib
from collections.abc import Iterable, Sequence

import numpy as np

DEFAULT_THRESHOLDS = {
    "image_global_pdq": 34,  # Hamming distance of whole-image (or content-box) PDQ hashes
    "image_value_pdq": 20,  # ... of the value-channel hashes (recoloured copies); near misses: 34+
    "image_aligned_pdq": 36,  # PDQ distance of the overlap found by local features
    "image_aligned_pdq_loose": 72,  # ... or this far, when nearly every tile agrees (colour change)
    "image_min_tiles": 0.94,  # share of 8x8 overlap tiles that agree (other numbers, text: fewer)
    "image_min_coverage": 0.5,  # share of one picture the overlap must cover
    "image_min_shared_terms": 2,  # candidate needs this many shared local-feature terms
    "video_frame_pdq": 48,  # two sampled frames are the same picture at this distance
    "video_min_ratio": 0.5,  # share of the shorter video's frames matched in one alignment
    "video_loose_frame_pdq": 72,  # frames this close count if key frames also match as pictures
    "video_min_keyframes": 1,  # query key frames that must match one of the candidate's
    "audio_max_bit_error": 0.35,  # Chromaprint bit error rate at the best alignment
    "audio_min_overlap": 40,  # sub-fingerprints (about 5 s) the alignment must share
    "text_jaccard": 0.45,  # MinHash Jaccard estimate of folded shingles
}

VALUE_HASH = "value"  # the PDQ of an image's HSV value channel (assets/fingerprints/images.py)
PDQ_BANDS = 16  # 256 bits -> 16 bands of 16 bits (multi-index hashing)
ORB_TABLES = 6  # each descriptor -> 6 keys of 16 sampled bits
ORB_KEY_BITS = 16
ORB_TERM_KEYPOINTS = 150
MINHASH_ROWS = 4  # 256 permutations -> 64 bands of 4: candidate at Jaccard 0.5 w.p. 0.98
AUDIO_TERM_EVERY = 4  # keep the sub-fingerprints whose hash is 0 mod 4 (same ones in every copy)
_orb_bit_positions = np.concatenate(
    [
        np.random.default_rng(57 + t).choice(256, ORB_KEY_BITS, replace=False)
        for t in range(ORB_TABLES)
    ]
)


def thresholds() -> dict:
    """Defaults, overridden by `settings.DEDUP_THRESHOLDS` when Django is configured."""
    merged = dict(DEFAULT_THRESHOLDS)
    try:
        from django.conf import settings

        if settings.configured:
            merged.update(getattr(settings, "DEDUP_THRESHOLDS", {}) or {})
    except ImportError:
        pass
    return merged


# --- distances -----------------------------------------------------------------------------


def hamming(a: str, b: str) -> int:
    """Bits that differ between two equal-length hexadecimal hashes."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


def jaccard_estimate(a: Sequence[int], b: Sequence[int]) -> float:
    """Share of equal MinHash values: an unbiased estimate of the Jaccard similarity."""
    if not a or len(a) != len(b):
        return 0.0
    return float(np.mean(np.asarray(a, dtype=np.uint64) == np.asarray(b, dtype=np.uint64)))


# --- terms ---------------------------------------------------------------------------------


def pdq_terms(pdq: str, prefix: str = "pdq") -> list[str]:
    """16 band terms: two hashes within 15 bits always share one, within ~40 bits usually do."""
    width = 64 // PDQ_BANDS
    return [f"{prefix}:b{i}:{pdq[i * width : (i + 1) * width]}" for i in range(PDQ_BANDS)]


def orb_terms(descriptors: np.ndarray, limit: int = ORB_TERM_KEYPOINTS) -> list[str]:
    """Locality-sensitive keys of the strongest ORB descriptors (bit sampling, 6 tables)."""
    if len(descriptors) == 0:
        return []
    bits = np.unpackbits(np.asarray(descriptors[:limit], dtype=np.uint8), axis=1)
    sampled = bits[:, _orb_bit_positions].reshape(len(bits), ORB_TABLES, ORB_KEY_BITS)
    keys = np.packbits(sampled, axis=2).view(">u2")[..., 0]
    return sorted({f"orb:t{t}:{int(k):04x}" for row in keys for t, k in enumerate(row)})


def image_hash_terms(hashes: dict[str, str]) -> list[str]:
    """Band terms of an image's PDQ hashes; those of the value channel only meet their own kind."""
    terms = {
        term
        for name, pdq in hashes.items()
        for term in pdq_terms(pdq, prefix="pdqv" if name == VALUE_HASH else "pdq")
    }
    return sorted(terms)


def minhash_terms(signature: Sequence[int], rows: int = MINHASH_ROWS) -> list[str]:
    """Band terms: each band of `rows` values hashed to 8 bytes."""
    terms = []
    for band in range(len(signature) // rows):
        chunk = ",".join(str(v) for v in signature[band * rows : (band + 1) * rows])
        digest = hashlib.blake2b(chunk.encode(), digest_size=8).hexdigest()
        terms.append(f"mh:b{band}:{digest}")
    return terms


def video_terms(frame_hashes: Iterable[str]) -> list[str]:
    return sorted({term for pdq in frame_hashes for term in pdq_terms(pdq, prefix="vpdq")})


def audio_terms(fingerprint: Sequence[int]) -> list[str]:
    """Exact sub-fingerprint values, thinned by value so every copy keeps the same ones."""
    kept = {v for v in fingerprint if (v * 2654435761) % 2**32 % AUDIO_TERM_EVERY == 0}
    return sorted(f"ac:{v:08x}" for v in kept)


# --- verification --------------------------------------------------------------------------


def global_pdq_distance(a: dict[str, str], b: dict[str, str]) -> int:
    """Smallest distance between any grey-level PDQ of one image (whole, content box) and any of
    the other. The value-channel hash is another picture of the image: see `value_pdq_distance`."""
    return min(
        hamming(x, y)
        for name_a, x in a.items()
        for name_b, y in b.items()
        if VALUE_HASH not in (name_a, name_b)
    )


def value_pdq_distance(a: dict[str, str], b: dict[str, str]) -> int:
    """Distance of the two value-channel hashes; 256 when one image has none (older data)."""
    if VALUE_HASH not in a or VALUE_HASH not in b:
        return 256
    return hamming(a[VALUE_HASH], b[VALUE_HASH])


def global_match(a: dict[str, str], b: dict[str, str], limits: dict) -> tuple[bool, dict]:
    """Whole-picture hashes alone: the grey-level ones, else those of the value channel (a
    recoloured copy). `why` holds the deciding `distance` and the method that found it."""
    distance = global_pdq_distance(a, b)
    why: dict = {"pdq_distance": distance, "distance": distance, "method": "pdq"}
    if distance <= limits["image_global_pdq"]:
        return True, why
    value_distance = value_pdq_distance(a, b)
    if value_distance <= limits["image_value_pdq"]:
        found = {"value_distance": value_distance, "distance": value_distance}
        return True, why | found | {"method": "pdq-value"}
    return False, why


def image_match(a, b, limits: dict | None = None, align_features: bool = True) -> tuple[bool, dict]:
    """Verify two `ImageFingerprint`s; returns (same work?, why: the measures that decided).

    Alignment of local features (milliseconds) runs only when asked: for candidates that share
    local-feature terms, not for every chance collision of a hash band."""
    from assets.fingerprints.alignment import align

    limits = limits or thresholds()
    same, why = global_match(a.hashes, b.hashes, limits)
    if same or not align_features:
        return same, why
    aligned = align(a, b)
    if aligned is None:
        return False, why
    why |= {"aligned_distance": aligned.distance, "inliers": aligned.inliers,
            "coverage": max(aligned.coverage_a, aligned.coverage_b)}  # fmt: skip
    why["tiles_agreeing"] = round(float(aligned.tiles_agreeing), 3)
    close = aligned.distance <= limits["image_aligned_pdq"] or (
        aligned.distance <= limits["image_aligned_pdq_loose"]
        and aligned.tiles_agreeing >= limits["image_min_tiles"]
    )
    same = close and why["coverage"] >= limits["image_min_coverage"]
    return same, why | {"method": "local-features", "distance": aligned.distance}


def _bit_matrix(hashes: Sequence[str]) -> np.ndarray:
    raw = np.frombuffer(b"".join(bytes.fromhex(h) for h in hashes), dtype=np.uint8)
    return np.unpackbits(raw.reshape(len(hashes), -1), axis=1).astype(np.int32)


def _runs(times: np.ndarray, gap: float) -> list[tuple[int, int]]:
    """Index ranges [start, end] of `times` (sorted) with no gap wider than `gap`."""
    runs, start = [], 0
    for i in range(1, len(times) + 1):
        if i == len(times) or times[i] - times[i - 1] > gap:
            runs.append((start, i - 1))
            start = i
    return runs


def video_match(
    a_frames: Sequence[tuple[float, str]],
    b_frames: Sequence[tuple[float, str]],
    limits: dict | None = None,
) -> tuple[float, list[dict]]:
    """(share of the shorter video matched, matching time ranges {a_start, a_end, b_start, b_end}).

    Frames are (seconds, pdq hex). All frame pairs are compared exactly; the most common time shift
    among close pairs aligns the videos, which is what makes a trimmed copy match.
    """
    limits = limits or thresholds()
    if not a_frames or not b_frames:
        return 0.0, []
    bits_a, bits_b = _bit_matrix([h for _, h in a_frames]), _bit_matrix([h for _, h in b_frames])
    distances = bits_a @ (1 - bits_b).T + (1 - bits_a) @ bits_b.T
    close_a, close_b = np.nonzero(distances <= limits["video_frame_pdq"])
    if len(close_a) == 0:
        return 0.0, []
    times_a = np.array([t for t, _ in a_frames])
    times_b = np.array([t for t, _ in b_frames])
    step = float(np.median(np.diff(times_a))) if len(times_a) > 1 else 1.0
    shifts = np.round((times_b[close_b] - times_a[close_a]) / step).astype(int)
    values, counts = np.unique(shifts, return_counts=True)
    best = values[np.argmax(counts)]
    aligned = np.abs(shifts - best) <= 1
    matched_a, matched_b = np.unique(close_a[aligned]), np.unique(close_b[aligned])
    ratio = max(len(matched_a), len(matched_b)) / min(len(a_frames), len(b_frames))
    ranges = []
    for first, last in _runs(times_a[matched_a], gap=2.5 * step):
        a_start, a_end = float(times_a[matched_a[first]]), float(times_a[matched_a[last]])
        shift = float(best) * step
        b_start, b_end = round(a_start + shift, 3), round(a_end + shift, 3)
        ranges.append({"a_start": a_start, "a_end": a_end, "b_start": b_start, "b_end": b_end})
    return min(1.0, ratio), ranges


def _bit_signs(fingerprint: Sequence[int]) -> np.ndarray:
    values = np.asarray(fingerprint, dtype=np.uint32)
    bits = (values[:, None] >> np.arange(32, dtype=np.uint32)) & 1
    return bits.astype(np.float64) * 2 - 1


def audio_match(
    a: Sequence[int], b: Sequence[int], limits: dict | None = None
) -> tuple[float, int]:
    """(1 - bit error rate at the best alignment, offset): b[i] lines up with a[i + offset].

    Every alignment with enough overlap is scored exactly, with one FFT cross-correlation per
    bit; multiply the offset by `assets.fingerprints.audio.SECONDS_PER_ITEM` for seconds.
    """
    from scipy.signal import fftconvolve

    limits = limits or thresholds()
    min_overlap = min(limits["audio_min_overlap"], len(a), len(b))
    if min_overlap == 0:
        return 0.0, 0
    signs_a, signs_b = _bit_signs(a), _bit_signs(b)
    # agreement[k] = sum over bits and i of sign_a[i + k - (len(b) - 1)] * sign_b[i]
    agreement = fftconvolve(signs_a, signs_b[::-1], axes=0).sum(axis=1)
    offsets = np.arange(len(agreement)) - (len(b) - 1)
    overlap = np.minimum(len(a), offsets + len(b)) - np.maximum(0, offsets)
    valid = overlap >= min_overlap
    bit_error = np.where(valid, 0.5 - agreement / (64 * np.maximum(overlap, 1)), 1.0)
    best = int(np.argmin(bit_error))
    return round(1.0 - float(bit_error[best]), 4), int(offsets[best])


def audio_is_match(score: float, limits: dict | None = None) -> bool:
    limits = limits or thresholds()
    return score >= 1.0 - limits["audio_max_bit_error"]


def text_is_match(a: Sequence[int], b: Sequence[int], limits: dict | None = None) -> bool:
    limits = limits or thresholds()
    return jaccard_estimate(a, b) >= limits["text_jaccard"]
