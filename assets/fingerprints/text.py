"""Text fingerprint: MinHash over shingles of the folded text.

Folding (no diacritics, đ -> d, lower case) makes accent-less copies identical; word 3-shingles
carry the order of words, character 5-grams survive OCR noise inside words; paragraphs reordered
keep almost every shingle. 128 permutations give a Jaccard estimate within about +-0.09.
"""

import hashlib

import numpy as np

from search.folding import fold_words

PERMUTATIONS = 128
WORD_SHINGLE = 3
CHAR_SHINGLE = 5
_PRIME = (1 << 61) - 1
_MAX_HASH = (1 << 32) - 1
_generator = np.random.default_rng(20250616)
_A = _generator.integers(1, _PRIME, PERMUTATIONS, dtype=np.uint64)
_B = _generator.integers(0, _PRIME, PERMUTATIONS, dtype=np.uint64)


def shingles(text: str) -> set[str]:
    """Word 3-shingles and character 5-grams (across word boundaries) of the folded words."""
    words = fold_words(text)
    found = {" ".join(words[i : i + WORD_SHINGLE]) for i in range(len(words) - WORD_SHINGLE + 1)}
    joined = " ".join(words)
    found.update("#" + joined[i : i + CHAR_SHINGLE] for i in range(len(joined) - CHAR_SHINGLE + 1))
    return found


def _hash32(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode(), digest_size=4).digest(), "little")


def minhash(text: str, permutations: int = PERMUTATIONS) -> list[int]:
    """MinHash signature (`permutations` unsigned 32-bit values); empty text gives all-max values."""
    values = np.fromiter((_hash32(s) for s in shingles(text)), dtype=np.uint64)
    if values.size == 0:
        return [_MAX_HASH] * permutations
    a, b = _A[:permutations, None], _B[:permutations, None]
    # (a * x + b) mod p in uint64 wraps, which is fine: it stays a fixed, well-mixed permutation.
    hashed = ((a * values[None, :] + b) % np.uint64(_PRIME)) & np.uint64(_MAX_HASH)
    return [int(v) for v in hashed.min(axis=1)]
