"""Two videos' frame hashes aligned in time: what share of the shorter one matches, and where."""

from collections.abc import Iterable, Sequence

import numpy as np

from .bands import pdq_terms
from .thresholds import Thresholds


def video_terms(frame_hashes: Iterable[str]) -> list[str]:
    return sorted(
        {term for pdq in frame_hashes for term in pdq_terms(pdq, prefix="vpdq", interleaved=False)}
    )


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
    limits: Thresholds,
    frame_distance: int | None = None,
) -> tuple[float, list[dict]]:
    """(share of the shorter video matched, matching time ranges {a_start, a_end, b_start, b_end}).

    Frames are (seconds, pdq hex). All frame pairs are compared exactly; the most common time shift
    among close pairs aligns the videos, which is what makes a trimmed copy match. Frames count
    as the same picture within `frame_distance` bits (default: `limits.video_frame_pdq`).
    """
    if not a_frames or not b_frames:
        return 0.0, []
    bits_a, bits_b = _bit_matrix([h for _, h in a_frames]), _bit_matrix([h for _, h in b_frames])
    distances = bits_a @ (1 - bits_b).T + (1 - bits_a) @ bits_b.T
    limit = limits.video_frame_pdq if frame_distance is None else frame_distance
    close_a, close_b = np.nonzero(distances <= limit)
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
