"""`validate_upload`: one entry point that refuses a bad file or says what a good one is.

Order: empty → type from the bytes (dangerous content refused) → allowed family → name agrees
→ size limit → hidden second file → the family's own deep check. The file position is reset
to 0 afterwards, whatever happened.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import PurePath
from typing import BinaryIO

from django.utils.translation import gettext_lazy as _

from .dangerous import ZIP_TAIL_SIZE, has_zip_directory_at_end, refuse_polyglot
from .decoding import check_pdf_isolated, check_raster_image_isolated
from .errors import UploadRejected
from .identify import check_extension, check_family, check_size, identify
from .limits import UploadLimits, upload_limits
from .media import check_media
from .reading import read_at, read_tail, stream_size
from .signatures import HEAD_SIZE, PDF, FileType
from .sniffed import SniffedFile
from .svg import check_svg


def validate_upload(file: BinaryIO, *, filename: str, allowed: Iterable[str]) -> SniffedFile:
    """Refuse a bad upload with UploadRejected; describe a good one. Reads in chunks."""
    allowed_families = frozenset(allowed)
    name = PurePath(filename).name or filename
    try:
        return _validate(file, filename, allowed_families, name)
    finally:
        file.seek(0)


def _validate(file: BinaryIO, filename: str, allowed: frozenset[str], name: str) -> SniffedFile:
    size = stream_size(file)
    if size == 0:
        raise UploadRejected(
            _("“%(name)s” is empty (0 bytes). Choose the file again; the copy may have failed."),
            "empty",
            name=name,
        )
    head = read_at(file, 0, HEAD_SIZE)
    file_type = identify(head, filename, allowed, name)
    check_family(file_type, file_type.family, allowed, name)
    check_extension(file_type, filename, name)
    limits = upload_limits()
    check_size(file_type, size, limits, name)
    _refuse_hidden_files(file, file_type, head, size, name)
    return _inspect(file, file_type, size, limits, allowed, name)


def _refuse_hidden_files(
    file: BinaryIO, file_type: FileType, head: bytes, size: int, name: str
) -> None:
    if has_zip_directory_at_end(read_tail(file, ZIP_TAIL_SIZE, size)):
        refuse_polyglot(name, file_type.label, _("a ZIP archive at its end"))
    if file_type is not PDF and b"%PDF-" in head[:1024]:
        refuse_polyglot(name, file_type.label, _("a PDF document"))


def _inspect(
    file: BinaryIO,
    file_type: FileType,
    size: int,
    limits: UploadLimits,
    allowed: frozenset[str],
    name: str,
) -> SniffedFile:
    if file_type.family == "image":
        width, height = check_raster_image_isolated(file, file_type, size, limits, name)
        return _sniffed(file_type, "image", size, width=width, height=height)
    if file_type.family == "svg":
        width, height = check_svg(file, name)
        return _sniffed(file_type, "svg", size, width=width, height=height)
    if file_type.family == "document":
        pages = check_pdf_isolated(file, file_type, size, limits, name)
        return _sniffed(file_type, "document", size, pages=pages)
    facts = check_media(file, file_type, size, limits, name)
    family = "video" if facts.has_video else "audio"
    check_family(file_type, family, allowed, name)
    return SniffedFile(
        family=family,
        mime=file_type.mime if facts.has_video else file_type.audio_mime,
        extension=file_type.extension if facts.has_video else file_type.audio_extension,
        size=size,
        width=facts.width or None,
        height=facts.height or None,
        duration=facts.duration,
        demuxer=file_type.demuxer,
    )


def _sniffed(file_type: FileType, family: str, size: int, **facts: int | None) -> SniffedFile:
    return SniffedFile(
        family=family, mime=file_type.mime, extension=file_type.extension, size=size, **facts
    )
