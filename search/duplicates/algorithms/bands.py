"""Hamming distance of hexadecimal hashes, and the band terms that find close ones in an index.

A 256-bit hash cut into 16 bands of 16 bits: two hashes within 15 bits always share a band (the
pigeonhole principle), within about 40 bits usually do; the index stores each band as a keyword
term, so candidates come from a term lookup instead of a scan (multi-index hashing).
"""

PDQ_BANDS = 16


def hamming(a: str, b: str) -> int:
    """Bits that differ between two equal-length hexadecimal hashes."""
    return (int(a, 16) ^ int(b, 16)).bit_count()


def pdq_terms(pdq: str, prefix: str = "pdq") -> list[str]:
    """16 band terms of a 256-bit hash written as 64 hexadecimal digits."""
    width = 64 // PDQ_BANDS
    return [f"{prefix}:b{i}:{pdq[i * width : (i + 1) * width]}" for i in range(PDQ_BANDS)]
