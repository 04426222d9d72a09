"""What an accepted upload turned out to be."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SniffedFile:
    family: str  # "image", "svg", "document", "video" or "audio"
    mime: str
    extension: str  # canonical, without the dot: "jpg", "pdf", "mp4", "m4a"
    size: int
    width: int | None = None
    height: int | None = None
    pages: int | None = None
    duration: float | None = None
    demuxer: str = ""  # media: the ffmpeg input format its bytes were identified as
