"""A scrubbing sprite for a video: a grid of small frames and the WebVTT track that maps times to
tiles (`#xywh=` media fragments), for players' preview thumbnails."""

from __future__ import annotations

import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext_lazy as _
from PIL import Image

from assets.ffmpeg import (
    FfmpegError,
    ImageOutput,
    MediaInput,
    MediaProbe,
    ProgressCallback,
    StopRequested,
    describe_image,
    input_args,
    probe,
    run_ffmpeg,
    scaled_progress,
)

from .conf import images_settings

_SPRITE_NAME = "sprite.jpg"
_SPRITE_VTT = "sprite.vtt"
# Extracting the frames is most of the work; composing the grid the rest.
_EXTRACT_SHARE = 90.0


@dataclass(frozen=True)
class Sprite:
    image: ImageOutput
    vtt: Path
    interval: float
    tile_width: int
    tile_height: int
    columns: int
    count: int


def make_sprite(
    source: MediaInput,
    out_dir: str | os.PathLike[str],
    *,
    source_probe: MediaProbe | None = None,
    timeout: float | None = None,
    on_progress: ProgressCallback | None = None,
    should_stop: StopRequested | None = None,
) -> Sprite:
    """Write `sprite.jpg` (a grid of small frames) and `sprite.vtt` into `out_dir`."""
    target_dir = Path(out_dir)
    facts = source_probe or probe(source)
    options = images_settings()
    interval = max(
        float(options["sprite_interval_seconds"]), facts.duration / options["sprite_max_tiles"]
    )
    # A clip shorter than the interval still gets a few tiles.
    interval = min(interval, max(facts.duration / 4, 0.1))
    tile_width = int(options["sprite_tile_width"])
    target_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="sprite-") as work:
        frames = _sprite_frames(
            source, Path(work), interval, tile_width, facts, timeout,
            scaled_progress(on_progress, 0, _EXTRACT_SHARE), should_stop,
        )  # fmt: skip
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
    if on_progress is not None:
        on_progress(100.0)
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


def _sprite_frames(
    source: MediaInput,
    work: Path,
    interval: float,
    tile_width: int,
    facts: MediaProbe,
    timeout: float | None,
    on_progress: ProgressCallback | None,
    should_stop: StopRequested | None,
) -> list[Path]:
    run_ffmpeg(
        ["-y", *input_args(source), "-map", "0:v:0",
         "-vf", f"fps=1/{interval},scale={tile_width}:-2", "-q:v", "4",
         str(work / "frame-%05d.jpg")],
        duration=facts.duration,
        timeout=timeout,
        on_progress=on_progress,
        should_stop=should_stop,
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
