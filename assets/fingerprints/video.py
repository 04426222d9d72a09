"""vPDQ-like video fingerprint: one PDQ per frame sampled at a fixed rate, with its timestamp.

Frames are decoded by ffmpeg straight to a small raw RGB size and streamed through a pipe, so a
long video never sits in memory. Matching (alignment, time ranges) is in `search.lsh.video_match`.
"""

import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from .pdq import pdq_of

FRAMES_PER_SECOND = 2.0
FRAME_SIDE = 128  # PDQ works on 64x64; decoding smaller saves most of the time
MIN_FRAME_QUALITY = 20  # flat frames (black, fades) hash to noise and would match anything


@dataclass(frozen=True)
class VideoFrame:
    seconds: float
    pdq: str
    quality: int


def sampled_frames(path: str | Path, fps: float = FRAMES_PER_SECOND):
    """Yield RGB frames (numpy arrays) sampled at `fps`, decoded by ffmpeg to FRAME_SIDE squares."""
    command = [
        "ffmpeg", "-v", "error", "-nostdin", "-i", str(path), "-an",
        "-vf", f"fps={fps},scale={FRAME_SIDE}:{FRAME_SIDE}",
        "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1",
    ]  # fmt: skip
    frame_bytes = FRAME_SIDE * FRAME_SIDE * 3
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        while len(chunk := process.stdout.read(frame_bytes)) == frame_bytes:
            yield np.frombuffer(chunk, dtype=np.uint8).reshape(FRAME_SIDE, FRAME_SIDE, 3)
        process.stdout.close()
        stderr = process.stderr.read().decode(errors="replace")
        if process.wait() != 0:
            raise ValueError(f"ffmpeg could not decode {path}: {stderr.strip()[:300]}")


def video_fingerprint(path: str | Path, fps: float = FRAMES_PER_SECOND) -> list[VideoFrame]:
    """PDQ of each sampled frame that is not flat, with its time in seconds."""
    frames = []
    for index, pixels in enumerate(sampled_frames(path, fps)):
        pdq, quality = pdq_of(Image.fromarray(pixels))
        if quality >= MIN_FRAME_QUALITY:
            frames.append(VideoFrame(seconds=round(index / fps, 3), pdq=pdq, quality=quality))
    return frames
