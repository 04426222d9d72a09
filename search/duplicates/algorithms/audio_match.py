"""Two Chromaprint fingerprints aligned: the bit error rate at the best offset decides."""

from collections.abc import Sequence

import numpy as np
from scipy.signal import fftconvolve

from .thresholds import Thresholds

AUDIO_TERM_EVERY = 4  # keep the sub-fingerprints whose hash is 0 mod 4 (same ones in every copy)


def audio_terms(fingerprint: Sequence[int]) -> list[str]:
    """Exact sub-fingerprint values, thinned by value so every copy keeps the same ones."""
    kept = {v for v in fingerprint if (v * 2654435761) % 2**32 % AUDIO_TERM_EVERY == 0}
    return sorted(f"ac:{v:08x}" for v in kept)


def _bit_signs(fingerprint: Sequence[int]) -> np.ndarray:
    values = np.asarray(fingerprint, dtype=np.uint32)
    bits = (values[:, None] >> np.arange(32, dtype=np.uint32)) & 1
    return bits.astype(np.float64) * 2 - 1


def audio_match(a: Sequence[int], b: Sequence[int], limits: Thresholds) -> tuple[float, int]:
    """(1 - bit error rate at the best alignment, offset): b[i] lines up with a[i + offset].

    Every alignment with enough overlap is scored exactly, with one FFT cross-correlation per
    bit; multiply the offset by `audio.SECONDS_PER_ITEM` for seconds.
    """
    min_overlap = min(limits.audio_min_overlap, len(a), len(b))
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


def audio_is_match(score: float, limits: Thresholds) -> bool:
    return score >= 1.0 - limits.audio_max_bit_error
