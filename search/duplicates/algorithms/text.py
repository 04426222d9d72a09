"""Text fingerprint: MinHash over shingles of the folded text.

Folding (no diacritics, đ -> d, lower case) makes accent-less copies identical; word 3-shingles
carry the order of words and survive paragraphs reordered; an OCR-damaged or lightly edited copy
keeps about half of them. 256 permutations give a Jaccard estimate within about +-0.06.
"""

import hashlib

import numpy as np

from search.folding import fold_words

PERMUTATIONS = 256
WORD_SHINGLE = 3
_PRIME = (1 << 61) - 1
_MAX_HASH = (1 << 32) - 1
_generator = np.random.default_rng(20250616)
_A = _generator.integers(1, _PRIME, PERMUTATIONS, dtype=np.uint64)
_B = _generator.integers(0, _PRIME, PERMUTATIONS, dtype=np.uint64)


def shingles(text: str) -> set[str]:
    """Word 3-shingles of the folded words.

    Character n-grams were tried for OCR noise and dropped: articles on one subject share most of
    their short character sequences, so distinct articles looked like copies (precision 0.02 in
    `make eval-dedup`); an OCR copy keeps about half its word 3-shingles, far above what distinct
    articles share."""
    words = fold_words(text)
    return {" ".join(words[i : i + WORD_SHINGLE]) for i in range(len(words) - WORD_SHINGLE + 1)}


def _hash32(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=4).digest(), "little")


def minhash(text: str, permutations: int = PERMUTATIONS) -> list[int]:
    """MinHash signature (`permutations` unsigned 32-bit values); empty text gives all-max."""
    values = np.fromiter((_hash32(s) for s in shingles(text)), dtype=np.uint64)
    if values.size == 0:
        return [_MAX_HASH] * permutations
    a, b = _A[:permutations, None], _B[:permutations, None]
    # (a * x + b) mod p in uint64 wraps, which is fine: it stays a fixed, well-mixed permutation.
    hashed = ((a * values[None, :] + b) % np.uint64(_PRIME)) & np.uint64(_MAX_HASH)
    return [int(v) for v in hashed.min(axis=1)]
