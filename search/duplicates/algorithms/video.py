"""vPDQ-like video fingerprint: one PDQ per frame sampled at a fixed rate, with its timestamp.

Frames are decoded by ffmpeg straight to a small raw RGB size and streamed through a pipe, so a
long video never sits in memory. Matching (alignment, time ranges) is in `video_match`.
"""

import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from assets.ffmpeg.inputs import MediaInput, input_args

from .images import image_fingerprint
from .media import media_duration
from .pdq import pdq_of

FRAMES_PER_SECOND = 2.0
FRAME_SIDE = 128  # PDQ works on 64x64; decoding smaller saves most of the time
MIN_FRAME_QUALITY = 20  # flat frames (black, fades) hash to noise and would match anything
PROGRESS_EVERY_FRAMES = 60


@dataclass(frozen=True)
class VideoFrame:
    seconds: float
    pdq: str
    quality: int


def sampled_frames(source: MediaInput, fps: float = FRAMES_PER_SECOND):
    """Yield RGB frames (numpy arrays) sampled at `fps`, decoded by ffmpeg to FRAME_SIDE squares."""
    command = [
        "ffmpeg", "-v", "error", "-nostdin", *input_args(source), "-an",
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
            raise ValueError(f"ffmpeg could not decode {source.path}: {stderr.strip()[:300]}")


def video_fingerprint(
    source: MediaInput, fps: float = FRAMES_PER_SECOND, on_progress=None, duration: float = 0.0
) -> list[VideoFrame]:
    """PDQ of each sampled frame that is not flat, with its time in seconds; `on_progress(share
    done)` is told every few seconds of video (when `duration` is known)."""
    frames = []
    for index, pixels in enumerate(sampled_frames(source, fps)):
        if on_progress is not None and duration > 0 and index % PROGRESS_EVERY_FRAMES == 0:
            on_progress(min(1.0, index / fps / duration))
        pdq, quality = pdq_of(Image.fromarray(pixels))
        if quality >= MIN_FRAME_QUALITY:
            frames.append(VideoFrame(seconds=round(index / fps, 3), pdq=pdq, quality=quality))
    return frames


KEYFRAME_SHARES = (0.25, 0.5, 0.75)
KEYFRAME_WIDTH = 480


def keyframes(source: MediaInput, duration: float | None = None) -> list[tuple[float, dict]]:
    """Image fingerprints of a few frames across the video (seconds, fingerprint data).

    Frame hashes miss a copy that was cropped and overlaid with a logo (each frame moves too far
    from its original); the image fingerprint's local features find the picture again."""
    duration = media_duration(source) if duration is None else duration
    found = []
    with tempfile.TemporaryDirectory(prefix="ncrl-keyframes-") as work:
        for index, share in enumerate(KEYFRAME_SHARES):
            seconds = round(duration * share, 2)
            target = Path(work) / f"frame-{index}.png"
            command = [
                "ffmpeg", "-v", "error", "-nostdin", *input_args(source, "-ss", str(seconds)),
                "-frames:v", "1", "-vf", f"scale='min({KEYFRAME_WIDTH},iw)':-2", str(target),
            ]  # fmt: skip
            subprocess.run(command, capture_output=True, timeout=120, check=False)
            if target.exists():
                found.append((seconds, image_fingerprint(target).to_json()))
    return found
