"""The rendition ladder and encoder settings, and how they fit one source.

Both come from settings (`TRANSCODING_LADDER`, `TRANSCODING_ENCODER`) with the defaults below.
A rung's `height` is the short side of the picture, so a vertical source gets a vertical ladder.
Rungs taller than the source are dropped: the ladder never upscales.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from django.conf import settings

from assets.ffmpeg import MediaProbe

DEFAULT_LADDER: list[dict[str, Any]] = [
    {"name": "1080p", "height": 1080, "crf": 23, "maxrate": "5000k", "bufsize": "10000k",
     "audio_bitrate": "128k"},
    {"name": "720p", "height": 720, "crf": 23, "maxrate": "3000k", "bufsize": "6000k",
     "audio_bitrate": "128k"},
    {"name": "480p", "height": 480, "crf": 23, "maxrate": "1500k", "bufsize": "3000k",
     "audio_bitrate": "96k"},
    {"name": "360p", "height": 360, "crf": 23, "maxrate": "800k", "bufsize": "1600k",
     "audio_bitrate": "96k"},
]  # fmt: skip

DEFAULT_ENCODER: dict[str, Any] = {
    "video_codec": "libx264",
    "preset": "veryfast",
    "profile": "high",
    "pix_fmt": "yuv420p",
    "gop_seconds": 2.0,
    "max_fps": 60.0,
    "audio_codec": "aac",
    "audio_sample_rate": 48000,
    "audio_channels": 2,
    "hls_segment_seconds": 4.0,
    "hls_segment_type": "fmp4",
    "threads": 0,
}


@dataclass(frozen=True)
class Rung:
    name: str
    height: int
    crf: int | None = None
    video_bitrate: str | None = None
    maxrate: str | None = None
    bufsize: str | None = None
    audio_bitrate: str = "128k"


@dataclass(frozen=True)
class EncoderSettings:
    video_codec: str
    preset: str
    profile: str
    pix_fmt: str
    gop_seconds: float
    max_fps: float
    audio_codec: str
    audio_sample_rate: int
    audio_channels: int
    hls_segment_seconds: float
    hls_segment_type: str
    threads: int


@dataclass(frozen=True)
class PlannedRung:
    """A rung fitted to one source: the exact output size."""

    rung: Rung
    width: int
    height: int

    @property
    def name(self) -> str:
        return self.rung.name


def ladder_from_settings() -> list[Rung]:
    rungs = getattr(settings, "TRANSCODING_LADDER", DEFAULT_LADDER)
    return [Rung(**rung) for rung in rungs]


def encoder_from_settings() -> EncoderSettings:
    configured = getattr(settings, "TRANSCODING_ENCODER", {})
    known = {field.name for field in fields(EncoderSettings)}
    merged = {**DEFAULT_ENCODER, **{k: v for k, v in configured.items() if k in known}}
    return EncoderSettings(**merged)


def plan_ladder(source: MediaProbe, rungs: list[Rung] | None = None) -> list[PlannedRung]:
    """Fit the rungs to the source: drop upscales, keep the display aspect ratio, even sizes.

    A source smaller than every rung still gets one rendition, at its own size.
    """
    if not source.has_video:
        return []
    rungs = ladder_from_settings() if rungs is None else rungs
    display_width = source.width * source.sample_aspect_ratio
    short_side = min(display_width, source.height)
    fitting = [rung for rung in rungs if rung.height <= short_side]
    if not fitting:
        smallest = min(rungs, key=lambda rung: rung.height)
        own_height = _even_floor(short_side)
        fitting = [replace(smallest, name=f"{own_height}p", height=own_height)]
    fitting.sort(key=lambda rung: rung.height, reverse=True)
    return [_fit(rung, display_width, source.height) for rung in fitting]


def gop_frames(fps: float, encoder: EncoderSettings) -> int:
    return max(1, round(output_fps(fps, encoder) * encoder.gop_seconds))


def output_fps(fps: float, encoder: EncoderSettings) -> float:
    if fps <= 0:
        return 25.0
    return min(fps, encoder.max_fps)


def _fit(rung: Rung, display_width: float, display_height: int) -> PlannedRung:
    if display_width >= display_height:
        height = rung.height
        width = _even_round(rung.height * display_width / display_height)
    else:
        width = rung.height
        height = _even_round(rung.height * display_height / display_width)
    return PlannedRung(rung=rung, width=width, height=height)


def _even_round(value: float) -> int:
    return max(2, int(round(value / 2.0)) * 2)


def _even_floor(value: float) -> int:
    return max(2, int(value) // 2 * 2)
