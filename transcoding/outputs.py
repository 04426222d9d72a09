"""Which outputs an asset gets, and how each is made from a local copy of its original.

Each producer writes files into `out_dir` and returns the ones worth a Rendition row; every file
it leaves in `out_dir` (HLS segments included) is uploaded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .enums import OutputKind
from .progress import ProgressCallback


@dataclass(frozen=True)
class ProducedFile:
    name: str
    path: Path
    mime_type: str
    width: int | None = None
    height: int | None = None
    duration: float | None = None
    bit_rate: int | None = None


Producer = Callable[[Path, Path, ProgressCallback, float | None], list[ProducedFile]]


def outputs_for(asset) -> list[str]:
    """The outputs an asset needs, from its model and its content."""
    model_name = asset._meta.model_name
    if model_name == "documentasset":
        return [OutputKind.DOCUMENT_PREVIEW]
    if model_name == "mediaasset" and asset.type == "video":
        return [OutputKind.VIDEO_LADDER, OutputKind.POSTER, OutputKind.SPRITE]
    if model_name == "mediaasset":
        return [OutputKind.AUDIO, OutputKind.WAVEFORM]
    return []


def video_ladder(source: Path, out_dir: Path, on_progress, timeout) -> list[ProducedFile]:
    from .video import transcode_video

    ladder = transcode_video(source, out_dir, on_progress=on_progress, timeout=timeout)
    produced = [
        ProducedFile(name=r.name, path=r.path, mime_type="video/mp4", width=r.width,
                     height=r.height, duration=r.duration, bit_rate=r.bit_rate)
        for r in ladder.renditions
    ]
    produced.append(ProducedFile(name="hls", path=ladder.master_playlist,
                                 mime_type="application/vnd.apple.mpegurl",
                                 duration=ladder.duration))
    return produced


PRODUCERS: dict[str, Producer] = {
    OutputKind.VIDEO_LADDER: video_ladder,
}
