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
        return [OutputKind.AUDIO]
    return []


def _image(name: str, image) -> ProducedFile:
    return ProducedFile(
        name=name,
        path=image.path,
        mime_type="image/jpeg" if image.path.suffix in (".jpg", ".jpeg") else "image/png",
        width=image.width,
        height=image.height,
    )


def video_ladder(source: Path, out_dir: Path, on_progress, timeout) -> list[ProducedFile]:
    from .video import transcode_video

    ladder = transcode_video(source, out_dir, on_progress=on_progress, timeout=timeout)
    produced = [
        ProducedFile(
            name=r.name,
            path=r.path,
            mime_type="video/mp4",
            width=r.width,
            height=r.height,
            duration=r.duration,
            bit_rate=r.bit_rate,
        )
        for r in ladder.renditions
    ]
    produced.append(
        ProducedFile(
            name="hls",
            path=ladder.master_playlist,
            mime_type="application/vnd.apple.mpegurl",
            duration=ladder.duration,
        )
    )
    return produced


def poster(source: Path, out_dir: Path, on_progress, timeout) -> list[ProducedFile]:
    from .posters import make_poster

    return [_image("poster", make_poster(source, out_dir / "poster.jpg", timeout=timeout).image)]


def sprite(source: Path, out_dir: Path, on_progress, timeout) -> list[ProducedFile]:
    from .posters import make_sprite

    made = make_sprite(source, out_dir, timeout=timeout)
    return [
        _image("sprite", made.image),
        ProducedFile(name="sprite-vtt", path=made.vtt, mime_type="text/vtt"),
    ]


def audio(source: Path, out_dir: Path, on_progress, timeout) -> list[ProducedFile]:
    from .audio import transcode_audio

    made = transcode_audio(source, out_dir, on_progress=on_progress, timeout=timeout)
    produced = [
        ProducedFile(
            name=r.path.suffix.lstrip("."),
            path=r.path,
            mime_type="audio/mp4" if r.path.suffix == ".m4a" else "audio/mpeg",
            duration=r.duration,
            bit_rate=r.bit_rate,
        )
        for r in made.renditions
    ]
    produced.append(
        ProducedFile(name="waveform", path=made.waveform.path, mime_type="application/json")
    )
    return produced


def document_preview(source: Path, out_dir: Path, on_progress, timeout) -> list[ProducedFile]:
    from .previews import render_document_previews

    made = render_document_previews(source, out_dir)
    pages = [
        _image(f"page-{number:04d}", page) for number, page in enumerate(made.thumbnails, start=1)
    ]
    return [_image("preview", made.preview), *pages]


PRODUCERS: dict[str, Producer] = {
    OutputKind.VIDEO_LADDER: video_ladder,
    OutputKind.POSTER: poster,
    OutputKind.SPRITE: sprite,
    OutputKind.AUDIO: audio,
    OutputKind.DOCUMENT_PREVIEW: document_preview,
}
