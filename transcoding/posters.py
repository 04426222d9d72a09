"""Images made from a video: a poster frame and a scrubbing sprite with its WebVTT track.

The poster comes from ffmpeg's `thumbnail` filter (the most representative frame of a short
window) a little way into the video, and is checked for brightness so fades from black and
title cards on black are passed over.
"""

from __future__ import annotations

import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageStat

from .conf import images_settings
from .probe import MediaProbe, probe
from .progress import FfmpegError, run_ffmpeg

# Where to look for a poster, as fractions of the duration, in order of preference.
_POSTER_POSITIONS = (0.1, 0.25, 0.5, 0.75, 0.0)
_POSTER_WINDOW_SECONDS = 2.0
_SPRITE_NAME = "sprite.jpg"
_SPRITE_VTT = "sprite.vtt"


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


@dataclass(frozen=True)
class Sprite:
    image: ImageOutput
    vtt: Path
    interval: float
    tile_width: int
    tile_height: int
    columns: int
    count: int


def describe_image(path: Path) -> ImageOutput:
    with Image.open(path) as image:
        width, height = image.size
    return ImageOutput(path=path, width=width, height=height, size=path.stat().st_size)


def make_poster(
    source: str | os.PathLike[str],
    out_path: str | os.PathLike[str],
    *,
    source_probe: MediaProbe | None = None,
    timeout: float | None = None,
) -> Poster:
    """Write a JPEG poster to `out_path`: the first bright enough candidate, else the brightest."""
    source_path, target = Path(source).resolve(), Path(out_path)
    facts = source_probe or probe(source_path)
    options = images_settings()
    best: tuple[float, float, Path] | None = None
    with tempfile.TemporaryDirectory(prefix="poster-") as work:
        for index, position in enumerate(_POSTER_POSITIONS):
            offset = position * facts.duration
            candidate = Path(work) / f"candidate-{index}.jpg"
            _grab_frame(source_path, candidate, offset, facts, options["poster_max_size"], timeout)
            if not candidate.exists():
                continue
            brightness = _brightness(candidate)
            if best is None or brightness > best[0]:
                best = (brightness, offset, candidate)
            if brightness >= options["poster_min_brightness"]:
                break
        if best is None:
            raise FfmpegError(_("No frame could be read from the video."))
        target.parent.mkdir(parents=True, exist_ok=True)
        os.replace(best[2], target)
    return Poster(image=describe_image(target), time_offset=best[1], brightness=best[0])


def make_sprite(
    source: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    source_probe: MediaProbe | None = None,
    timeout: float | None = None,
) -> Sprite:
    """Write `sprite.jpg` (a grid of small frames) and `sprite.vtt` into `out_dir`."""
    source_path, target_dir = Path(source).resolve(), Path(out_dir)
    facts = source_probe or probe(source_path)
    options = images_settings()
    interval = max(
        float(options["sprite_interval_seconds"]), facts.duration / options["sprite_max_tiles"]
    )
    # A clip shorter than the interval still gets a few tiles.
    interval = min(interval, max(facts.duration / 4, 0.1))
    tile_width = int(options["sprite_tile_width"])
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sprite-") as work:
        frames = _sprite_frames(source_path, Path(work), interval, tile_width, facts, timeout)
        if not frames:
            raise FfmpegError(_("No frame could be read from the video."))
        columns = min(int(options["sprite_columns"]), len(frames))
        image_path = target_dir / _SPRITE_NAME
        tile_height = _compose_grid(frames, columns, image_path)
    vtt = target_dir / _SPRITE_VTT
    vtt.write_text(
        sprite_vtt(len(frames), interval, facts.duration, columns, tile_width, tile_height),
        encoding="utf-8",
    )
    return Sprite(
        image=describe_image(image_path),
        vtt=vtt,
        interval=interval,
        tile_width=tile_width,
        tile_height=tile_height,
        columns=columns,
        count=len(frames),
    )


def sprite_vtt(
    count: int, interval: float, duration: float, columns: int, width: int, height: int
) -> str:
    """WebVTT cues pointing into the sprite with media fragments (`#xywh=x,y,w,h`)."""
    cues = ["WEBVTT", ""]
    for index in range(count):
        start, end = index * interval, min((index + 1) * interval, duration)
        x, y = (index % columns) * width, (index // columns) * height
        cues += [
            f"{_vtt_time(start)} --> {_vtt_time(end)}",
            f"{_SPRITE_NAME}#xywh={x},{y},{width},{height}",
            "",
        ]
    return "\n".join(cues)


def _grab_frame(
    source: Path,
    target: Path,
    offset: float,
    facts: MediaProbe,
    max_size: int,
    timeout: float | None,
) -> None:
    window = max(1, round(_POSTER_WINDOW_SECONDS * (facts.fps or 25.0)))
    fit = f"scale=w='if(gte(iw,ih),min(iw,{max_size}),-2)':h='if(gte(iw,ih),-2,min(ih,{max_size}))'"
    run_ffmpeg(
        ["-y", "-ss", f"{offset:.3f}", "-i", str(source), "-map", "0:v:0",
         "-vf", f"thumbnail={window},{fit}", "-frames:v", "1", "-q:v", "2", str(target)],
        timeout=timeout,
    )  # fmt: skip


def _brightness(path: Path) -> float:
    with Image.open(path) as image:
        return float(ImageStat.Stat(image.convert("L")).mean[0])


def _sprite_frames(
    source: Path,
    work: Path,
    interval: float,
    tile_width: int,
    facts: MediaProbe,
    timeout: float | None,
) -> list[Path]:
    run_ffmpeg(
        ["-y", "-i", str(source), "-map", "0:v:0",
         "-vf", f"fps=1/{interval},scale={tile_width}:-2", "-q:v", "4",
         str(work / "frame-%05d.jpg")],
        duration=facts.duration,
        timeout=timeout,
    )  # fmt: skip
    frames = sorted(work.glob("frame-*.jpg"))
    # The fps filter may emit a frame at the very end; a cue cannot start at the duration.
    usable = max(1, math.ceil(facts.duration / interval))
    return frames[:usable]


def _compose_grid(frames: list[Path], columns: int, target: Path) -> int:
    with Image.open(frames[0]) as first:
        tile_width, tile_height = first.size
    rows = math.ceil(len(frames) / columns)
    sheet = Image.new("RGB", (columns * tile_width, rows * tile_height))
    for index, frame in enumerate(frames):
        with Image.open(frame) as tile:
            position = ((index % columns) * tile_width, (index // columns) * tile_height)
            sheet.paste(tile.convert("RGB"), position)
    sheet.save(target, "JPEG", quality=80)
    return tile_height


def _vtt_time(seconds: float) -> str:
    millis = int(round(seconds * 1000))
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"
