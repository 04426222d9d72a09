"""Video and audio: probed with ffprobe; whether it is video or audio is decided by its streams.

ffprobe and ffmpeg always read media in the format identified from its bytes (`media_input`).
"""

from __future__ import annotations

from pathlib import Path, PurePath
from typing import BinaryIO

from django.utils.translation import gettext_lazy as _

from assets.ffmpeg import MediaInput, MediaProbe, ProbeError, probe

from .errors import UploadRejected
from .identify import MEDIA_FAMILIES, check_family, identify
from .isobmff import BoxProblem, check_boxes
from .limits import UploadLimits
from .reading import local_path
from .signatures import HEAD_SIZE, FileType


def media_input(path: Path, filename: str = "") -> MediaInput:
    """A stored or uploaded media file as ffmpeg must open it, in the format its bytes show
    (`filename`, or the path's own name, only speaks for formats without a signature).

    Raises UploadRejected when the bytes are not audio or video (a playlist, say)."""
    filename = filename or path.name
    name = PurePath(filename).name
    with path.open("rb") as file:
        head = file.read(HEAD_SIZE)
    file_type = identify(head, filename, MEDIA_FAMILIES, name)
    check_family(file_type, file_type.family, MEDIA_FAMILIES, name)
    return MediaInput(path, file_type.demuxer)


def check_media(
    file: BinaryIO, file_type: FileType, size: int, limits: UploadLimits, name: str
) -> MediaProbe:
    """Refuse unreadable, cut or over-long media; return what ffprobe read."""
    if file_type.container == "isobmff":
        _check_iso_boxes(file, size, name)
    with local_path(file, suffix=f".{file_type.extension}") as path:
        try:
            facts = probe(MediaInput(path, file_type.demuxer))
        except ProbeError as error:
            raise UploadRejected(
                _("“%(name)s” is not a readable audio or video file: %(detail)s"),
                "corrupt_media",
                name=name,
                detail=str(error).replace(str(path), name),
            ) from error
    if facts.duration > limits.media_max_duration_seconds:
        raise UploadRejected(
            _(
                "“%(name)s” lasts %(duration)s; audio and video may last at most %(limit)s. "
                "Cut it into parts."
            ),
            "too_long",
            name=name,
            duration=clock(facts.duration),
            limit=clock(limits.media_max_duration_seconds),
        )
    return facts


def _check_iso_boxes(file: BinaryIO, size: int, name: str) -> None:
    try:
        check_boxes(file, size)
    except BoxProblem as problem:
        if problem.kind == "corrupt":
            raise UploadRejected(
                _(
                    "“%(name)s” is not a readable audio or video file: its box '%(box)s' is "
                    "damaged."
                ),
                "corrupt_media",
                name=name,
                detail=problem.box,
                box=problem.box,
            ) from problem
        if problem.kind == "no_index":
            raise UploadRejected(
                _(
                    "“%(name)s” is incomplete: it has no index ('moov' part), which is written "
                    "last, so the recording or the copy stopped early. Upload the complete file."
                ),
                "truncated_media",
                name=name,
                box=problem.box,
            ) from problem
        raise UploadRejected(
            _(
                "“%(name)s” is incomplete: the file ends inside its '%(box)s' part, so the upload "
                "or the copy was cut short. Upload the complete file."
            ),
            "truncated_media",
            name=name,
            box=problem.box,
        ) from problem


def clock(seconds: float) -> str:
    """Seconds as H:MM:SS, the way players show a duration."""
    whole = int(round(seconds))
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"
