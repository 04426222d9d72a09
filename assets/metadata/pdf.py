"""`extract_pdf_metadata`: a PDF's document information, page count and text for search.

The text is capped by the ASSET_PDF_TEXT_MAX_CHARS setting (2 million characters by default):
enough for search and previews, bounded for a 2000-page scan with an OCR layer.
"""

from __future__ import annotations

import logging
import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, BinaryIO

from django.conf import settings
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from .dates import make_aware
from .text import clean, unique

DEFAULT_TEXT_MAX_CHARS = 2_000_000
_KEYWORD_SEPARATORS = re.compile(r"[,;]")
logger = logging.getLogger(__name__)


@dataclass
class DocumentMetadata:
    title: str | None = None
    author: str | None = None
    subject: str | None = None
    keywords: list[str] = field(default_factory=list)
    created_at: datetime | None = None
    page_count: int = 0
    first_page_ratio: float | None = None  # width / height as shown (rotation applied)
    text: str = ""
    text_truncated: bool = False


def text_limit() -> int:
    return int(getattr(settings, "ASSET_PDF_TEXT_MAX_CHARS", DEFAULT_TEXT_MAX_CHARS))


def extract_pdf_metadata(file: BinaryIO | str | os.PathLike[str]) -> DocumentMetadata:
    """Read a (validated) PDF's information dictionary, XMP fallback, page count and text."""
    try:
        reader = PdfReader(file, strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        metadata = _described(reader)
        metadata.page_count = len(reader.pages)
        metadata.first_page_ratio = _first_page_ratio(reader)
        metadata.text, metadata.text_truncated = _text(reader, text_limit())
        return metadata
    finally:
        if hasattr(file, "seek"):
            file.seek(0)


def _first_page_ratio(reader: PdfReader) -> float | None:
    try:
        page = reader.pages[0]
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        if (page.rotation or 0) % 180:
            width, height = height, width
    except (IndexError, KeyError, ValueError, TypeError, AttributeError, PyPdfError):
        return None
    return width / height if height > 0 else None


def _described(reader: PdfReader) -> DocumentMetadata:
    info = reader.metadata or {}
    xmp = _xmp(reader)
    keywords = _KEYWORD_SEPARATORS.split(str(info.get("/Keywords") or ""))
    return DocumentMetadata(
        title=clean(info.get("/Title")) or xmp.get("title"),
        author=clean(info.get("/Author")) or xmp.get("author"),
        subject=clean(info.get("/Subject")) or xmp.get("subject"),
        keywords=unique(keywords) or xmp.get("keywords", []),
        created_at=_creation_date(reader),
    )


def _creation_date(reader: PdfReader) -> datetime | None:
    try:
        return make_aware(reader.metadata.creation_date) if reader.metadata else None
    except (ValueError, TypeError):  # a date string pypdf cannot parse
        return None


def _xmp(reader: PdfReader) -> dict[str, Any]:
    try:
        xmp = reader.xmp_metadata
    except Exception:  # noqa: BLE001 - a broken XMP stream only loses the fallback
        return {}
    if xmp is None:
        return {}
    return {
        "title": clean(_alternative(xmp.dc_title)),
        "author": clean("; ".join(xmp.dc_creator or [])),
        "subject": clean(_alternative(xmp.dc_description)),
        "keywords": unique(list(xmp.dc_subject or [])),
    }


def _alternative(values: dict[str, str] | None) -> str | None:
    if not values:
        return None
    return values.get("x-default") or values.get("vi") or next(iter(values.values()))


def _text(reader: PdfReader, limit: int) -> tuple[str, bool]:
    """The pages' text joined by blank lines, cut at `limit` characters; and whether it was cut."""
    parts: list[str] = []
    length = 0
    for number, page in enumerate(reader.pages, start=1):
        if length > limit:
            break
        try:
            page_text = clean(page.extract_text())
        except Exception:  # noqa: BLE001 - one unreadable page must not lose the others
            logger.warning("Could not extract the text of page %s", number)
            continue
        if page_text:
            parts.append(page_text)
            length += len(page_text) + 2
    text = "\n\n".join(parts)
    return text[:limit], len(text) > limit
