"""Waveform peaks for the audio player, in the JSON format of BBC audiowaveform (peaks.js).

The audio is decoded to mono 16-bit PCM at a low sample rate and streamed through numpy in
chunks, so an hour-long podcast never sits in memory.
"""

from __future__ import annotations

import json
import math
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from assets.ffmpeg import MediaInput, input_args, probe
from assets.ffmpeg.run import die_with_parent

_CHUNK_BUCKETS = 256


@dataclass(frozen=True)
class Waveform:
    path: Path
    points: int
    samples_per_point: int
    sample_rate: int


def write_waveform(
    source: MediaInput, out_path: Path, *, points: int = 1000, sample_rate: int = 8000
) -> Waveform:
    """Write about `points` min/max pairs (8-bit, -128..127) of the first audio stream."""
    duration = probe(source).duration
    samples_per_point = max(1, math.ceil(duration * sample_rate / points))
    peaks = _peaks(source, sample_rate, samples_per_point)
    document = {
        "version": 2,
        "channels": 1,
        "sample_rate": sample_rate,
        "samples_per_pixel": samples_per_point,
        "bits": 8,
        "length": len(peaks) // 2,
        "data": peaks,
    }
    out_path.write_text(json.dumps(document, separators=(",", ":")), encoding="utf-8")
    return Waveform(
        path=out_path,
        points=len(peaks) // 2,
        samples_per_point=samples_per_point,
        sample_rate=sample_rate,
    )


def _peaks(source: MediaInput, sample_rate: int, samples_per_point: int) -> list[int]:
    command = [
        "ffmpeg", "-hide_banner", "-nostdin", "-loglevel", "error", *input_args(source),
        "-map", "0:a:0", "-ac", "1", "-ar", str(sample_rate), "-f", "s16le", "pipe:1",
    ]  # fmt: skip
    chunk_bytes = samples_per_point * _CHUNK_BUCKETS * 2
    peaks: list[int] = []
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=die_with_parent
    ) as process:
        assert process.stdout is not None
        while chunk := process.stdout.read(chunk_bytes):
            peaks += _chunk_peaks(np.frombuffer(chunk[: len(chunk) // 2 * 2], "<i2"),
                                  samples_per_point)  # fmt: skip
        error = process.stderr.read().decode("utf-8", "replace") if process.stderr else ""
    if process.returncode != 0:
        raise RuntimeError(f"ffmpeg could not decode {source.path}: {error.strip()}")
    return peaks


def _chunk_peaks(samples: np.ndarray, samples_per_point: int) -> list[int]:
    if samples.size == 0:
        return []
    padded = math.ceil(samples.size / samples_per_point) * samples_per_point
    buckets = np.pad(samples, (0, padded - samples.size), mode="edge")
    buckets = buckets.reshape(-1, samples_per_point) >> 8
    pairs = np.stack([buckets.min(axis=1), buckets.max(axis=1)], axis=1)
    return pairs.astype(int).ravel().tolist()
