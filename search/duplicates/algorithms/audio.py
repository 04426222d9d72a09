"""Acoustic fingerprint: Chromaprint's raw 32-bit sub-fingerprints, through libchromaprint.

ffmpeg decodes any container to 16-bit mono PCM, streamed in chunks into pyacoustid's ctypes
binding of libchromaprint (not the `fpcalc` tool, which exits 3 on Debian after a valid result).
Each value covers about 0.124 s; `audio_match` aligns two lists so trimmed copies match.
"""

import subprocess
from pathlib import Path

import chromaprint

SAMPLE_RATE = 11025  # Chromaprint resamples to this rate internally
CHUNK_BYTES = 64 * 1024
SECONDS_PER_ITEM = 4096 / 3 / SAMPLE_RATE
MAX_SECONDS = 3 * 60 * 60


def audio_fingerprint(path: str | Path, max_seconds: int = MAX_SECONDS) -> list[int]:
    """Raw Chromaprint fingerprint (unsigned 32-bit integers) of the first audio stream."""
    command = [
        "ffmpeg", "-v", "error", "-nostdin", "-i", str(path), "-map", "0:a:0", "-vn",
        "-t", str(max_seconds), "-ac", "1", "-ar", str(SAMPLE_RATE), "-f", "s16le", "pipe:1",
    ]  # fmt: skip
    fingerprinter = chromaprint.Fingerprinter()
    fingerprinter.start(SAMPLE_RATE, 1)
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        while chunk := process.stdout.read(CHUNK_BYTES):
            fingerprinter.feed(chunk)
        process.stdout.close()
        stderr = process.stderr.read().decode(errors="replace")
        if process.wait() != 0:
            raise ValueError(f"ffmpeg could not decode {path}: {stderr.strip()[:300]}")
    values, _algorithm = chromaprint.decode_fingerprint(fingerprinter.finish())
    return [value & 0xFFFFFFFF for value in values]
