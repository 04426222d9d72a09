"""Two MinHash signatures: the share of equal values estimates the Jaccard similarity."""

import hashlib
from collections.abc import Sequence

import numpy as np

from .thresholds import Thresholds

MINHASH_ROWS = 4  # 256 permutations -> 64 bands of 4: candidate at Jaccard 0.5 w.p. 0.98


def minhash_terms(signature: Sequence[int], rows: int = MINHASH_ROWS) -> list[str]:
    """Band terms: each band of `rows` values hashed to 8 bytes."""
    terms = []
    for band in range(len(signature) // rows):
        chunk = ",".join(str(v) for v in signature[band * rows : (band + 1) * rows])
        digest = hashlib.blake2b(chunk.encode(), digest_size=8).hexdigest()
        terms.append(f"mh:b{band}:{digest}")
    return terms


def jaccard_estimate(a: Sequence[int], b: Sequence[int]) -> float:
    """Share of equal MinHash values: an unbiased estimate of the Jaccard similarity."""
    if not a or len(a) != len(b):
        return 0.0
    return float(np.mean(np.asarray(a, dtype=np.uint64) == np.asarray(b, dtype=np.uint64)))


def text_is_match(a: Sequence[int], b: Sequence[int], limits: Thresholds) -> bool:
    return jaccard_estimate(a, b) >= limits.text_jaccard
