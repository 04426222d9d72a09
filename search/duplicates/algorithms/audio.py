"""Acoustic fingerprint: Chromaprint's raw 32-bit sub-fingerprints, through libchromaprint.

ffmpeg decodes any container to 16-bit mono PCM, streamed in chunks into pyacoustid's ctypes
binding of libchromaprint (not the `fpcalc` tool, which exits 3 on Debian after a valid result).
Each value covers about 0.124 s; `audio_match` aligns two lists so trimmed copies match.
"""

import subprocess

import chromaprint

from assets.ffmpeg.inputs import MediaInput, input_args

SAMPLE_RATE = 11025  # Chromaprint resamples to this rate internally
CHUNK_BYTES = 64 * 1024
SECONDS_PER_ITEM = 4096 / 3 / SAMPLE_RATE
MAX_SECONDS = 3 * 60 * 60
BYTES_PER_SECOND = 2 * SAMPLE_RATE  # 16-bit mono
REPORT_EVERY_BYTES = 30 * BYTES_PER_SECOND


def audio_fingerprint(
    source: MediaInput, max_seconds: int = MAX_SECONDS, on_progress=None, duration: float = 0.0
) -> list[int]:
    """Raw Chromaprint fingerprint (unsigned 32-bit integers) of the first audio stream;
    `on_progress(share done)` is told as the decoded audio advances (when `duration` is known)."""
    command = [
        "ffmpeg", "-v", "error", "-nostdin", *input_args(source), "-map", "0:a:0", "-vn",
        "-t", str(max_seconds), "-ac", "1", "-ar", str(SAMPLE_RATE), "-f", "s16le", "pipe:1",
    ]  # fmt: skip
    decoded = next_report = 0
    seconds = min(duration, max_seconds)
    fingerprinter = chromaprint.Fingerprinter()
    fingerprinter.start(SAMPLE_RATE, 1)
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        while chunk := process.stdout.read(CHUNK_BYTES):
            fingerprinter.feed(chunk)
            decoded += len(chunk)
            if on_progress is not None and seconds > 0 and decoded >= next_report:
                on_progress(min(1.0, decoded / BYTES_PER_SECOND / seconds))
                next_report = decoded + REPORT_EVERY_BYTES
        process.stdout.close()
        stderr = process.stderr.read().decode(errors="replace")
        if process.wait() != 0:
            raise ValueError(f"ffmpeg could not decode {source.path}: {stderr.strip()[:300]}")
    values, _algorithm = chromaprint.decode_fingerprint(fingerprinter.finish())
    return [value & 0xFFFFFFFF for value in values]
