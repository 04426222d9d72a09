"""Hamming distance of hexadecimal hashes, and the band terms that find close ones in an index.

A 256-bit hash cut into 16 bands of 16 bits: two hashes within 15 bits always share a band (the
pigeonhole principle), within about 40 bits usually do; the index stores each band as a keyword
term, so candidates come from a term lookup instead of a scan (multi-index hashing).

One partition misses about one pair in twelve that differ in 31 bits (every band then holds a
flipped bit). A second partition, interleaved (band j takes bit j of every 16-bit word, so each of
its bands meets each first-partition band in exactly one bit), misses such a pair only when both
do: recall within 31 bits goes from 0.988 to 0.999 for twice the terms and chance candidates.
"""

import numpy as np

PDQ_BANDS = 16
BAND_BITS = 16


def hamming(a: str, b: str) -> int:
    """Bits that differ between two equal-length hexadecimal hashes."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


def interleaved_bands(hashes: np.ndarray) -> np.ndarray:
    """(count, 32) uint8 hashes -> (count, 16) uint16: band j holds bit j of each 16-bit word."""
    bits = np.unpackbits(hashes, axis=1).reshape(len(hashes), PDQ_BANDS, BAND_BITS)
    packed = np.ascontiguousarray(np.packbits(bits.transpose(0, 2, 1), axis=2))
    return packed.view(">u2")[..., 0]


def pdq_terms(pdq: str, prefix: str = "pdq", interleaved: bool = True) -> list[str]:
    """Band terms of a 256-bit hash written as 64 hexadecimal digits: 16 contiguous bands, and
    16 interleaved ones unless `interleaved` is False (video frames: many hashes per item)."""
    width = 64 // PDQ_BANDS
    terms = [f"{prefix}:b{i}:{pdq[i * width : (i + 1) * width]}" for i in range(PDQ_BANDS)]
    if interleaved:
        row = np.frombuffer(bytes.fromhex(pdq), dtype=np.uint8)[np.newaxis]
        terms += [f"{prefix}:s{j}:{int(v):04x}" for j, v in enumerate(interleaved_bands(row)[0])]
    return terms
