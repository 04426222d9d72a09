"""A poster frame for a video: the frame the library shows for it and fingerprints it by.

The poster comes from ffmpeg's `thumbnail` filter (the most representative frame of a short
window) a little way into the video, and is checked for brightness so fades from black and
title cards on black are passed over.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageStat

from .inputs import MediaInput, input_args
from .probe import MediaProbe, probe
from .run import FfmpegError, ProgressCallback, StopRequested, run_ffmpeg

POSTER_MAX_SIZE = 1920
POSTER_MIN_BRIGHTNESS = 24.0
# Where to look for a poster, as fractions of the duration, in order of preference.
_POSTER_POSITIONS = (0.1, 0.25, 0.5, 0.75, 0.0)
_POSTER_WINDOW_SECONDS = 2.0


@dataclass(frozen=True)
class ImageOutput:
    path: Path
    width: int
    height: int
    size: int


@dataclass(frozen=True)
class Poster:
    image: ImageOutput
    time_offset: float
    brightness: float


def describe_image(path: Path) -> ImageOutput:
    with Image.open(path) as image:
        width, height = image.size
    return ImageOutput(path=path, width=width, height=height, size=path.stat().st_size)


def make_poster(
    source: MediaInput,
    out_path: str | os.PathLike[str],
    *,
    source_probe: MediaProbe | None = None,
    max_size: int = POSTER_MAX_SIZE,
    min_brightness: float = POSTER_MIN_BRIGHTNESS,
    timeout: float | None = None,
    on_progress: ProgressCallback | None = None,
    should_stop: StopRequested | None = None,
) -> Poster:
    """Write a JPEG poster to `out_path`: the first bright enough candidate, else the brightest."""
    target = Path(out_path)
    facts = source_probe or probe(source)
    best: tuple[float, float, Path] | None = None
    with tempfile.TemporaryDirectory(prefix="poster-") as work:
        for index, position in enumerate(_POSTER_POSITIONS):
            offset = position * facts.duration
            candidate = Path(work) / f"candidate-{index}.jpg"
            grab_frame(source, candidate, offset, facts, max_size, timeout, should_stop)
            if on_progress is not None:
                on_progress((index + 1) * 100.0 / len(_POSTER_POSITIONS))
            if not candidate.exists():
                continue
            brightness = _brightness(candidate)
            if best is None or brightness > best[0]:
                best = (brightness, offset, candidate)
            if brightness >= min_brightness:
                break
        if best is None:
            raise FfmpegError(_("No frame could be read from the video."))
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(best[2], target)
    if on_progress is not None:
        on_progress(100.0)
    return Poster(image=describe_image(target), time_offset=best[1], brightness=best[0])


def grab_frame(
    source: MediaInput,
    target: Path,
    offset: float,
    facts: MediaProbe,
    max_size: int = POSTER_MAX_SIZE,
    timeout: float | None = None,
    should_stop: StopRequested | None = None,
) -> None:
    """The most representative frame of a short window from `offset` s, as a JPEG."""
    window = max(1, round(_POSTER_WINDOW_SECONDS * (facts.fps or 25.0)))
    fit = f"scale=w='if(gte(iw,ih),min(iw,{max_size}),-2)':h='if(gte(iw,ih),-2,min(ih,{max_size}))'"
    run_ffmpeg(
        ["-y", *input_args(source, "-ss", f"{offset:.3f}"), "-map", "0:v:0",
         "-vf", f"thumbnail={window},{fit}", "-frames:v", "1", "-q:v", "2", str(target)],
        timeout=timeout,
        should_stop=should_stop,
    )  # fmt: skip


def _brightness(path: Path) -> float:
    with Image.open(path) as image:
        return float(ImageStat.Stat(image.convert("L")).mean[0])
