"""PDF documents: complete, readable, not encrypted, within the page limit, nothing that runs."""

from __future__ import annotations

import logging
from typing import BinaryIO

import pypdfium2 as pdfium
from django.utils.translation import gettext_lazy as _
from pypdf import PdfReader

from .errors import UploadRejected
from .limits import UploadLimits
from .pdf_actions import EMBEDDED_FILE, JAVASCRIPT, REMOTE, find_active_content
from .reading import read_tail

_EOF_WINDOW = 2048
_PROBE_WIDTH = 200  # the first page is drawn this wide: every object on it decoded, little memory

# pypdf logs every repair it makes to a damaged file; the refusal says what matters.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def check_pdf(file: BinaryIO, size: int, limits: UploadLimits, name: str, *, path: str = "") -> int:
    """Refuse a bad PDF; return its page count. With the file's `path`, pdfium must also open it
    and draw its first page, as the previews (and most browsers' viewers) will."""
    if b"%%EOF" not in read_tail(file, _EOF_WINDOW, size):
        raise UploadRejected(
            _(
                "“%(name)s” is an incomplete PDF: it has no end-of-file marker, so the upload or "
                "the copy was probably cut short. Upload the complete file."
            ),
            "truncated_pdf",
            name=name,
        )
    reader = _open(file, name)
    if reader.is_encrypted:
        raise UploadRejected(
            _(
                "“%(name)s” is password-protected or encrypted. Save it again without a password "
                "or restrictions so its text can be indexed and previewed."
            ),
            "encrypted_pdf",
            name=name,
        )
    pages = _page_count(reader, name)
    if pages > limits.pdf_max_pages:
        raise UploadRejected(
            _(
                "“%(name)s” has %(pages)s pages; documents may have at most %(limit)s pages. "
                "Split it into parts."
            ),
            "too_many_pages",
            name=name,
            pages=pages,
            limit=limits.pdf_max_pages,
        )
    _check_pages_readable(reader, name)
    _refuse_active_content(reader, name)
    if path:
        _check_pdfium_draws(path, name)
    return pages


def _open(file: BinaryIO, name: str) -> PdfReader:
    file.seek(0)
    try:
        return PdfReader(file, strict=False)
    except Exception as error:  # noqa: BLE001 - pypdf raises many types on hostile input
        raise _corrupt(name, str(error)) from error


def _page_count(reader: PdfReader, name: str) -> int:
    try:
        pages = len(reader.pages)
    except Exception as error:  # noqa: BLE001 - pypdf raises many types on hostile input
        raise _corrupt(name, str(error)) from error
    if pages == 0:
        raise _corrupt(name, "no pages")
    return pages


def _check_pages_readable(reader: PdfReader, name: str) -> None:
    """Every page object resolves and has a size; the first page's content decodes."""
    try:
        for page in reader.pages:
            if page.mediabox.width <= 0 or page.mediabox.height <= 0:
                raise ValueError("a page has no area")
        reader.pages[0].get_contents()
    except Exception as error:  # noqa: BLE001 - pypdf raises many types on hostile input
        raise _corrupt(name, str(error)) from error


def _check_pdfium_draws(path: str, name: str) -> None:
    """pypdf reads around damage that pdfium refuses outright ("Data format error")."""
    try:
        document = pdfium.PdfDocument(path)
    except pdfium.PdfiumError as error:
        raise _corrupt(name, _pdfium_reason(error)) from error
    try:
        first = document[0]
        width = first.get_width() or 1
        first.render(scale=min(1.0, _PROBE_WIDTH / width))
    except pdfium.PdfiumError as error:
        raise _corrupt(name, _pdfium_reason(error)) from error
    finally:
        document.close()


def _pdfium_reason(error: Exception) -> str:
    """pypdfium2 says "Failed to load document (PDFium: Data format error).": the part in
    brackets names the fault."""
    text = str(error)
    start, end = text.find("PDFium: "), text.rfind(")")
    return text[start + len("PDFium: ") : end] if 0 <= start < end else text


def _refuse_active_content(reader: PdfReader, name: str) -> None:
    try:
        found = find_active_content(reader)
    except Exception as error:  # noqa: BLE001 - pypdf raises many types on hostile input
        raise _corrupt(name, str(error)) from error
    if found is None:
        return
    finding, key = found
    if finding == JAVASCRIPT:
        raise UploadRejected(
            _(
                "“%(name)s” contains JavaScript (%(key)s). PDFs that run scripts are refused; "
                "print or export it again as a plain PDF."
            ),
            "pdf_javascript",
            name=name,
            key=key,
        )
    if finding == EMBEDDED_FILE:
        raise UploadRejected(
            _(
                "“%(name)s” carries attached files (%(key)s), which could be anything. "
                "Remove the attachments and upload them separately if needed."
            ),
            "pdf_embedded_file",
            name=name,
            key=key,
        )
    if finding == REMOTE:
        raise UploadRejected(
            _(
                "“%(name)s” contains an action that sends its form or opens another file "
                "(%(key)s). Such PDFs are refused; export it again as a plain PDF."
            ),
            "pdf_remote_action",
            name=name,
            key=key,
        )
    raise UploadRejected(
        _(
            "“%(name)s” contains an action that launches a program (%(key)s). Such PDFs are "
            "refused; export it again as a plain PDF."
        ),
        "pdf_launch_action",
        name=name,
        key=key,
    )


def _corrupt(name: str, detail: str) -> UploadRejected:
    return UploadRejected(
        _("“%(name)s” is a damaged PDF whose pages cannot be read (%(detail)s)."),
        "corrupt_pdf",
        name=name,
        detail=detail[:120] or "unreadable",
    )
