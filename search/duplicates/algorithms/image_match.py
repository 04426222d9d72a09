"""Index terms of an image fingerprint, and the verdict on two of them.

Global PDQ hashes (whole picture, content box, HSV value channel) give band terms that find close
hashes; the strongest ORB descriptors give locality-sensitive keys (bit sampling) that find a
picture inside a crop or a screenshot. A candidate is then verified: by the global hashes, or by
aligning local features and comparing the overlap (`alignment`), or, when that alignment is rough
or missing, by aligning all the pixels (`dense`) and comparing the overlap again.
"""

from functools import lru_cache

import numpy as np

from .alignment import Alignment, align, compare_at, plausible
from .bands import hamming, pdq_terms
from .dense import refine, scaling
from .images import TURNED, ImageFingerprint
from .thresholds import Thresholds

VALUE_HASH = "value"  # the PDQ of an image's HSV value channel (`images.value_channel`)
ORB_TABLES = 6  # each descriptor -> 6 keys of 16 sampled bits
ORB_KEY_BITS = 16
ORB_TERM_KEYPOINTS = 150
_orb_bit_positions = np.concatenate(
    [
        np.random.default_rng(57 + t).choice(256, ORB_KEY_BITS, replace=False)
        for t in range(ORB_TABLES)
    ]
)


def orb_terms(descriptors: np.ndarray, limit: int = ORB_TERM_KEYPOINTS) -> list[str]:
    """Locality-sensitive keys of the strongest ORB descriptors (bit sampling, 6 tables)."""
    if len(descriptors) == 0:
        return []
    bits = np.unpackbits(np.asarray(descriptors[:limit], dtype=np.uint8), axis=1)
    sampled = bits[:, _orb_bit_positions].reshape(len(bits), ORB_TABLES, ORB_KEY_BITS)
    keys = np.packbits(sampled, axis=2).view(">u2")[..., 0]
    return sorted({f"orb:t{t}:{int(k):04x}" for row in keys for t, k in enumerate(row)})


def image_hash_terms(hashes: dict[str, str], turned: bool = True) -> list[str]:
    """Band terms of an image's PDQ hashes; those of the value channel only meet their own kind.

    The index holds the terms of the picture as it is (`turned` False); a query also looks for
    its mirrored and turned versions, which meet those terms."""
    terms = {
        term
        for name, pdq in hashes.items()
        if turned or not name.startswith(TURNED)
        for term in pdq_terms(pdq, prefix="pdqv" if name == VALUE_HASH else "pdq")
    }
    return sorted(terms)


def global_pdq_distance(a: dict[str, str], b: dict[str, str]) -> int:
    """Smallest distance between any grey-level PDQ of one image (whole, content box) and any of
    the other, or between one's turned (mirrored, rotated) hashes and the other's plain ones. The
    value-channel hash is another picture of the image: see `value_pdq_distance`."""
    plain_a, turned_a = _grey_numbers(a)
    plain_b, turned_b = _grey_numbers(b)
    return min(
        min(((x ^ y).bit_count() for x in plain_a for y in plain_b + turned_b), default=256),
        min(((x ^ y).bit_count() for x in turned_a for y in plain_b), default=256),
    )


def _grey_numbers(hashes: dict[str, str]) -> tuple[list[int], list[int]]:
    """The grey-level hashes as numbers: (plain ones, turned ones). One upload meets hundreds of
    candidates: its own hashes are converted once (`_number`)."""
    plain = [_number(pdq) for name, pdq in hashes.items()
             if name != VALUE_HASH and not name.startswith(TURNED)]  # fmt: skip
    turned = [_number(pdq) for name, pdq in hashes.items() if name.startswith(TURNED)]
    return plain, turned


@lru_cache(maxsize=1024)
def _number(pdq: str) -> int:
    return int(pdq, 16)


def value_pdq_distance(a: dict[str, str], b: dict[str, str]) -> int:
    """Distance of the two value-channel hashes; 256 when one image has none (older data)."""
    if VALUE_HASH not in a or VALUE_HASH not in b:
        return 256
    return hamming(a[VALUE_HASH], b[VALUE_HASH])


def global_match(a: dict[str, str], b: dict[str, str], limits: Thresholds) -> tuple[bool, dict]:
    """Whole-picture hashes alone: the grey-level ones, else those of the value channel (a
    recoloured copy). `why` holds the deciding `distance` and the method that found it."""
    distance = global_pdq_distance(a, b)
    why: dict = {"pdq_distance": distance, "distance": distance, "method": "pdq"}
    if distance <= limits.image_global_pdq:
        return True, why
    value_distance = value_pdq_distance(a, b)
    if value_distance <= limits.image_value_pdq:
        found = {"value_distance": value_distance, "distance": value_distance}
        return True, why | found | {"method": "pdq-value"}
    return False, why


def image_match(
    a: ImageFingerprint, b: ImageFingerprint, limits: Thresholds, align_features: bool = True
) -> tuple[bool, dict]:
    """Verify two image fingerprints; returns (same work?, why: the measures that decided).

    Alignment of local features (milliseconds) runs only when asked: for candidates that share
    local-feature terms, not for every chance collision of a hash band. Dense alignment runs
    only when that did not decide: from the transform local features found, or from plain
    scaling when the global hashes are near (`image_dense_start`)."""
    same, why = global_match(a.hashes, b.hashes, limits)
    if same or not align_features:
        return same, why
    aligned = align(a, b)
    if aligned is not None:
        same, found = _verdict(aligned, limits)
        why |= found | {"method": "local-features"}
        if same:
            return True, why
    starts = [] if aligned is None else [aligned.matrix]
    if why["pdq_distance"] <= limits.image_dense_start:
        starts.append(scaling(a, b))
    for start in starts:
        refined = _densely_aligned(a, b, start, 0 if aligned is None else aligned.inliers)
        if refined is not None and refined.distance <= limits.image_aligned_pdq:
            found = _verdict(refined, limits, loose=False)[1]
            if found["coverage"] >= limits.image_min_coverage:
                return True, why | found | {"method": "dense"}
    return False, why


def _densely_aligned(a, b, start, inliers: int) -> Alignment | None:
    matrix = refine(a, b, start)
    if matrix is None or not plausible(matrix, (a.features.width, a.features.height)):
        return None
    return compare_at(a, b, matrix, inliers)


def _verdict(aligned: Alignment, limits: Thresholds, loose: bool = True) -> tuple[bool, dict]:
    """Close overlap hashes (or, `loose`, farther ones with nearly every tile agreeing) over
    enough of one picture."""
    why = {"aligned_distance": aligned.distance, "distance": aligned.distance,
           "inliers": aligned.inliers, "coverage": max(aligned.coverage_a, aligned.coverage_b),
           "tiles_agreeing": round(float(aligned.tiles_agreeing), 3)}  # fmt: skip
    close = aligned.distance <= limits.image_aligned_pdq or (
        loose
        and aligned.distance <= limits.image_aligned_pdq_loose
        and aligned.tiles_agreeing >= limits.image_min_tiles
    )
    return bool(close and why["coverage"] >= limits.image_min_coverage), why
