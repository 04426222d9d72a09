"""Two Chromaprint fingerprints aligned: the alignment that agrees most, then how far it stands
out from every other alignment and how much of the shorter recording it covers decide.

Chromaprint is built for music. On speech many of its 32 bits hardly change, so any two
recordings of voices agree on 70% of their bits or more by chance (music: about half), and a
presenter's recurring phrases (a greeting, a programme's title) line up almost bit for bit for a
few seconds. A bit error rate alone cannot tell a copy under a music bed from another bulletin of
the same presenter. What does: a copy agrees at one alignment far more than at all the others
(its peak stands out by tens of spreads), another recording only as much as chance allows (a few
spreads); and a copy covers most of the shorter recording, so two episodes that share a jingle
are not copies of each other either.
"""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.signal import fftconvolve

from .thresholds import Thresholds

AUDIO_TERM_EVERY = 4  # keep the sub-fingerprints whose hash is 0 mod 4 (same ones in every copy)
BITS = 32


@dataclass(frozen=True)
class AudioAlignment:
    score: float  # 1 - bit error rate over the overlap
    offset: int  # b[i] lines up with a[i + offset]; multiply by `audio.SECONDS_PER_ITEM`
    coverage: float  # share of the shorter fingerprint inside the overlap
    peak: float  # how many spreads this alignment's agreement stands above the typical one


def audio_terms(fingerprint: Sequence[int]) -> list[str]:
    """Exact sub-fingerprint values, thinned by value so every copy keeps the same ones."""
    kept = {v for v in fingerprint if (v * 2654435761) % 2**32 % AUDIO_TERM_EVERY == 0}
    return sorted(f"ac:{v:08x}" for v in kept)


def _bit_signs(fingerprint: Sequence[int]) -> np.ndarray:
    values = np.asarray(fingerprint, dtype=np.uint32)
    bits = (values[:, None] >> np.arange(BITS, dtype=np.uint32)) & 1
    return bits.astype(np.float64) * 2 - 1


def _chance_agreement(signs_a: np.ndarray, signs_b: np.ndarray) -> float:
    """Share of bits two unrelated fingerprints with these bit frequencies agree on."""
    ones_a, ones_b = (signs_a.mean(axis=0) + 1) / 2, (signs_b.mean(axis=0) + 1) / 2
    return float(np.mean(ones_a * ones_b + (1 - ones_a) * (1 - ones_b)))


def _peak(agreement: np.ndarray, overlap: np.ndarray, valid: np.ndarray, chance: float, best: int):
    """Agreement beyond chance, per square root of overlap (comparable across alignments), of
    the best alignment against the median of all, in robust spreads (at least the spread of
    independent bits, so that a handful of alignments cannot make it tiny)."""
    beyond = (agreement - overlap * BITS * (2 * chance - 1)) / np.sqrt(np.maximum(overlap, 1))
    others = beyond[valid]
    median = float(np.median(others))
    spread = max(1.4826 * float(np.median(np.abs(others - median))), np.sqrt(BITS))
    return (float(beyond[best]) - median) / spread


def audio_match(a: Sequence[int], b: Sequence[int], limits: Thresholds) -> AudioAlignment:
    """The alignment of b against a with the most agreeing bits among those sharing at least
    `audio_min_overlap` sub-fingerprints; every alignment is scored exactly, with one FFT
    cross-correlation per bit."""
    shorter = min(len(a), len(b))
    min_overlap = min(limits.audio_min_overlap, shorter)
    if min_overlap == 0:
        return AudioAlignment(0.0, 0, 0.0, 0.0)
    signs_a, signs_b = _bit_signs(a), _bit_signs(b)
    # agreement[k] = sum over bits and i of sign_a[i + k - (len(b) - 1)] * sign_b[i]
    agreement = fftconvolve(signs_a, signs_b[::-1], axes=0).sum(axis=1)
    offsets = np.arange(len(agreement)) - (len(b) - 1)
    overlap = np.minimum(len(a), offsets + len(b)) - np.maximum(0, offsets)
    valid = overlap >= min_overlap
    best = int(np.argmax(np.where(valid, agreement, -np.inf)))
    score = 0.5 + float(agreement[best]) / (2 * BITS * overlap[best])
    peak = _peak(agreement, overlap, valid, _chance_agreement(signs_a, signs_b), best)
    return AudioAlignment(round(score, 4), int(offsets[best]), round(overlap[best] / shorter, 3),
                          round(peak, 2))  # fmt: skip


def audio_is_match(alignment: AudioAlignment, limits: Thresholds) -> bool:
    return (
        alignment.score >= 1.0 - limits.audio_max_bit_error
        and alignment.peak >= limits.audio_min_peak
        and alignment.coverage >= limits.audio_min_coverage
    )
