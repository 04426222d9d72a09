"""Which outputs an asset gets, and how each is made from a local copy of its original.

Each producer writes files into `work.out_dir` and returns the ones worth a Rendition row; every
file it leaves there (HLS segments included) is uploaded. Producers report their progress from
0 to 100 and stop when `work.should_stop()` says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from assets.ffmpeg import MediaInput, ProgressCallback, StopRequested, make_poster
from assets.kinds import DOCUMENT, MEDIA
from assets.validation import media_input

from .audio import transcode_audio
from .conf import images_settings
from .enums import OutputKind
from .previews import render_document_previews
from .sprites import make_sprite
from .video import transcode_video


@dataclass(frozen=True)
class ProducedFile:
    name: str
    path: Path
    mime_type: str
    width: int | None = None
    height: int | None = None
    duration: float | None = None
    bit_rate: int | None = None


@dataclass(frozen=True)
class Work:
    """What a producer gets: the local copy of the original and where its outputs go."""

    source: Path
    out_dir: Path
    on_progress: ProgressCallback
    should_stop: StopRequested
    timeout: float | None = None

    @cached_property
    def media(self) -> MediaInput:
        return media_input(self.source)


Producer = Callable[[Work], list[ProducedFile]]


# The kinds of asset that get outputs (images have Wagtail's own renditions).
TRANSCODED_KINDS = (MEDIA, DOCUMENT)


def transcoded_models() -> list:
    return [kind.model for kind in TRANSCODED_KINDS]


def outputs_for(asset) -> list[str]:
    """The outputs an asset needs, quick pictures first."""
    label = asset._meta.label
    if label == DOCUMENT.model_label:
        return [OutputKind.DOCUMENT_PREVIEW]
    if label == MEDIA.model_label and asset.type == "video":
        return [OutputKind.POSTER, OutputKind.SPRITE, OutputKind.VIDEO_LADDER]
    if label == MEDIA.model_label:
        return [OutputKind.AUDIO]
    return []


def work_units(asset) -> float | None:
    """How much there is to do: seconds of media, or pages (for estimating how long it takes)."""
    return getattr(asset, "page_count", None) or getattr(asset, "duration", None) or None


def _image(name: str, image) -> ProducedFile:
    return ProducedFile(
        name=name,
        path=image.path,
        mime_type="image/jpeg" if image.path.suffix in (".jpg", ".jpeg") else "image/png",
        width=image.width,
        height=image.height,
    )


def video_ladder(work: Work) -> list[ProducedFile]:
    ladder = transcode_video(
        work.media, work.out_dir, on_progress=work.on_progress, timeout=work.timeout,
        should_stop=work.should_stop,
    )  # fmt: skip
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


def poster(work: Work) -> list[ProducedFile]:
    options = images_settings()
    made = make_poster(
        work.media,
        work.out_dir / "poster.jpg",
        max_size=int(options["poster_max_size"]),
        min_brightness=float(options["poster_min_brightness"]),
        timeout=work.timeout,
        on_progress=work.on_progress,
        should_stop=work.should_stop,
    )
    return [_image("poster", made.image)]


def sprite(work: Work) -> list[ProducedFile]:
    made = make_sprite(
        work.media, work.out_dir, timeout=work.timeout, on_progress=work.on_progress,
        should_stop=work.should_stop,
    )  # fmt: skip
    return [
        _image("sprite", made.image),
        ProducedFile(name="sprite-vtt", path=made.vtt, mime_type="text/vtt"),
    ]


def audio(work: Work) -> list[ProducedFile]:
    made = transcode_audio(
        work.media, work.out_dir, on_progress=work.on_progress, timeout=work.timeout,
        should_stop=work.should_stop,
    )  # fmt: skip
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


def document_preview(work: Work) -> list[ProducedFile]:
    made = render_document_previews(
        work.source, work.out_dir, on_progress=work.on_progress, should_stop=work.should_stop
    )
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
