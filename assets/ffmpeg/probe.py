"""Facts about a local media file, read with ffprobe (through ffmpeg-python).

`probe(source)` returns a `MediaProbe` or raises `ProbeError` with a message fit for an editor;
`source` is a `MediaInput`, so ffprobe reads it in the format its bytes were identified as.
Width and height are the display size: swapped when the stream carries a 90/270 degree rotation.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import ffmpeg
from django.utils.translation import gettext_lazy as _

from .inputs import MediaInput


class ProbeError(Exception):
    """The file is not a readable audio or video file."""


@dataclass(frozen=True)
class MediaProbe:
    duration: float
    width: int
    height: int
    rotation: int
    fps: float
    video_codec: str
    audio_codec: str
    audio_channels: int
    sample_rate: int
    bit_rate: int
    format_name: str
    has_video: bool
    has_audio: bool
    sample_aspect_ratio: float = 1.0

    @property
    def is_vertical(self) -> bool:
        return self.has_video and self.height > self.width

    @property
    def is_audio_only(self) -> bool:
        return self.has_audio and not self.has_video


# Still images and cover art show up as video streams; they are not moving pictures.
_STILL_IMAGE_CODECS = {"mjpeg", "png", "bmp", "gif", "webp", "tiff"}


def probe(source: MediaInput) -> MediaProbe:
    """Read the container and stream facts of the media file `source`."""
    info = _run_ffprobe(source)
    streams = info.get("streams", [])
    video = _first_stream(streams, "video")
    audio = _first_stream(streams, "audio")
    if video is None and audio is None:
        raise ProbeError(_("The file contains no audio or video stream."))
    fmt = info.get("format", {})
    duration = _duration(fmt, video, audio)
    if duration <= 0:
        raise ProbeError(_("The file has no playable duration."))
    rotation = _rotation(video) if video else 0
    width, height = _display_size(video, rotation) if video else (0, 0)
    return MediaProbe(
        duration=duration,
        width=width,
        height=height,
        rotation=rotation,
        fps=_fps(video) if video else 0.0,
        video_codec=video.get("codec_name", "") if video else "",
        audio_codec=audio.get("codec_name", "") if audio else "",
        audio_channels=int(audio.get("channels", 0)) if audio else 0,
        sample_rate=_to_int(audio.get("sample_rate")) if audio else 0,
        bit_rate=_to_int(fmt.get("bit_rate")),
        format_name=fmt.get("format_name", ""),
        has_video=video is not None,
        has_audio=audio is not None,
        sample_aspect_ratio=_sample_aspect_ratio(video) if video else 1.0,
    )


def _run_ffprobe(source: MediaInput) -> dict[str, Any]:
    path = source.path
    if not path.is_file():
        raise ProbeError(_("The file does not exist."))
    if path.stat().st_size == 0:
        raise ProbeError(_("The file is empty."))
    try:
        return ffmpeg.probe(source.url, **source.options())
    except ffmpeg.Error as error:
        detail = _last_line(error.stderr)
        raise ProbeError(
            _("The file could not be read as audio or video: %(detail)s") % {"detail": detail}
        ) from error
    except json.JSONDecodeError as error:
        raise ProbeError(_("The file could not be read as audio or video.")) from error


def _last_line(stderr: bytes | None) -> str:
    lines = (stderr or b"").decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else "ffprobe failed"


def _first_stream(streams: list[dict[str, Any]], kind: str) -> dict[str, Any] | None:
    for stream in streams:
        if stream.get("codec_type") != kind:
            continue
        if kind == "video" and _is_still_picture(stream):
            continue
        return stream
    return None


def _is_still_picture(stream: dict[str, Any]) -> bool:
    attached = stream.get("disposition", {}).get("attached_pic") == 1
    return attached or stream.get("codec_name") in _STILL_IMAGE_CODECS


def _duration(fmt: dict[str, Any], *streams: dict[str, Any] | None) -> float:
    value = _to_float(fmt.get("duration"))
    if value > 0:
        return value
    return max((_to_float(s.get("duration")) for s in streams if s), default=0.0)


def _rotation(video: dict[str, Any]) -> int:
    """Clockwise display rotation in degrees, 0/90/180/270."""
    degrees = _to_float(video.get("tags", {}).get("rotate"))
    for side_data in video.get("side_data_list", []):
        if "rotation" in side_data:
            # The display matrix stores a counter-clockwise angle; the rotate tag a clockwise one.
            degrees = -_to_float(side_data["rotation"])
    return int(round(degrees / 90.0)) * 90 % 360


def _display_size(video: dict[str, Any], rotation: int) -> tuple[int, int]:
    width, height = _to_int(video.get("width")), _to_int(video.get("height"))
    if rotation in (90, 270):
        return height, width
    return width, height


def _fps(video: dict[str, Any]) -> float:
    for key in ("avg_frame_rate", "r_frame_rate"):
        rate = _to_fraction(video.get(key))
        if rate > 0:
            return float(rate)
    return 0.0


def _sample_aspect_ratio(video: dict[str, Any]) -> float:
    ratio = _to_fraction(str(video.get("sample_aspect_ratio", "1:1")).replace(":", "/"))
    return float(ratio) if ratio > 0 else 1.0


def _to_fraction(value: Any) -> Fraction:
    try:
        return Fraction(str(value))
    except (ValueError, ZeroDivisionError):
        return Fraction(0)


def _to_float(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def _to_int(value: Any) -> int:
    return int(_to_float(value))
