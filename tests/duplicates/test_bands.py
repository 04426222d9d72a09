"""The band terms that find close image hashes in the index."""

from search.duplicates.algorithms.bands import hamming, pdq_terms

PDQ = "0123456789abcdef" * 4


def flipped(pdq: str, bits: list[int]) -> str:
    return f"{int(pdq, 16) ^ sum(1 << bit for bit in bits):064x}"


def test_a_hash_changed_in_every_contiguous_band_still_shares_interleaved_bands():
    copy = flipped(PDQ, [16 * word for word in range(16)])  # the same bit of every 16-bit word
    shared = set(pdq_terms(PDQ)) & set(pdq_terms(copy))
    assert hamming(PDQ, copy) == 16
    assert not any(term.startswith("pdq:b") for term in shared)
    assert len([term for term in shared if term.startswith("pdq:s")]) == 15


def test_unrelated_hashes_share_no_band_and_video_frames_keep_one_partition():
    other = flipped(PDQ, list(range(0, 256, 3)) + list(range(1, 256, 5)))
    assert not set(pdq_terms(PDQ)) & set(pdq_terms(other))
    assert len(pdq_terms(PDQ)) == 32
    assert len(pdq_terms(PDQ, prefix="vpdq", interleaved=False)) == 16
