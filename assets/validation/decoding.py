"""The deep checks that run native decoders on uploaded bytes (Pillow's codecs for raster
images; pypdf and pdfium for PDFs) run in an isolated child (`assets.isolation`).

A file that crashes a decoder, or makes it eat memory or CPU past the limits, is refused and
costs that child, never the web process or the worker. The decoders that read the same bytes
later (metadata, fingerprints, renditions, previews) then meet a file these have read whole.
"""

from __future__ import annotations

from typing import BinaryIO

from django.utils.translation import gettext_lazy as _

from ..isolation import Crashed, IsolatedFailure, OutOfMemory, run_isolated
from .errors import UploadRejected
from .images import check_raster_image
from .limits import UploadLimits
from .pdf import check_pdf
from .reading import local_path
from .signatures import FileType


def check_raster_image_isolated(
    file: BinaryIO, file_type: FileType, size: int, limits: UploadLimits, name: str
) -> tuple[int, int]:
    """`check_raster_image` in an isolated child: the stored width and height."""
    return _isolated(raster_image_at, file, file_type, size, limits, name)


def check_pdf_isolated(
    file: BinaryIO, file_type: FileType, size: int, limits: UploadLimits, name: str
) -> int:
    """`check_pdf` in an isolated child: the page count."""
    return _isolated(pdf_at, file, file_type, size, limits, name)


def raster_image_at(path: str, file_type: FileType, size: int, limits: UploadLimits, name: str):
    with open(path, "rb") as file:
        return check_raster_image(file, file_type, size, limits, name)


def pdf_at(path: str, file_type: FileType, size: int, limits: UploadLimits, name: str):
    with open(path, "rb") as file:
        return check_pdf(file, size, limits, name, path=path)


def _isolated(check, file: BinaryIO, file_type: FileType, size, limits, name: str):
    with local_path(file, suffix=f".{file_type.extension}") as path:
        try:
            return run_isolated(check, str(path), file_type, size, limits, name)
        except IsolatedFailure as failure:
            raise _undecodable(name, file_type, failure) from failure


def _undecodable(name: str, file_type: FileType, failure: IsolatedFailure) -> UploadRejected:
    if isinstance(failure, Crashed):
        reason = _("its decoder crashed on it")
    elif isinstance(failure, OutOfMemory):
        reason = _("reading it needs more memory than the server allows")
    else:
        reason = _("reading it takes longer than the server allows")
    return UploadRejected(
        _(
            "“%(name)s” could not be read safely as a %(kind)s: %(reason)s. It was refused to "
            "protect the server; export it again from the program that made it."
        ),
        "undecodable",
        name=name,
        kind=file_type.label,
        reason=reason,
    )
