"""Previews of PDF documents: a large image of the first page and a thumbnail of every page.

Pages are rendered with pdfium (pypdfium2); the number of thumbnails is capped by settings so
a thousand-page handbook does not make a thousand images. Progress is reported page by page.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from django.utils.translation import gettext_lazy as _

from assets.ffmpeg import ImageOutput, ProgressCallback, StopRequested, describe_image

from .conf import documents_settings
from .errors import JobStopped


class DocumentPreviewError(Exception):
    """The document could not be opened or rendered."""


@dataclass(frozen=True)
class DocumentPreviews:
    preview: ImageOutput
    thumbnails: list[ImageOutput]
    page_count: int


def render_document_previews(
    source: str | os.PathLike[str],
    out_dir: str | os.PathLike[str],
    *,
    on_progress: ProgressCallback | None = None,
    should_stop: StopRequested | None = None,
) -> DocumentPreviews:
    """Write `preview.<fmt>` and `page-0001.<fmt>`... into `out_dir`."""
    options = documents_settings()
    target_dir = Path(out_dir)
    target_dir.mkdir(parents=True, exist_ok=True)
    extension = "jpg" if options["image_format"] in ("jpg", "jpeg") else "png"
    document = _open(Path(source))
    try:
        page_count = len(document)
        if page_count == 0:
            raise DocumentPreviewError(_("The document has no pages."))
        preview = _render_page(
            document, 0, int(options["preview_width"]), target_dir / f"preview.{extension}"
        )
        pages = min(page_count, int(options["max_pages"]))
        thumbnails = []
        for index in range(pages):
            if should_stop is not None and should_stop():
                raise JobStopped
            thumbnails.append(
                _render_page(
                    document,
                    index,
                    int(options["thumbnail_width"]),
                    target_dir / f"page-{index + 1:04d}.{extension}",
                )
            )
            if on_progress is not None:
                on_progress((index + 1) * 100.0 / pages)
    finally:
        document.close()
    return DocumentPreviews(preview=preview, thumbnails=thumbnails, page_count=page_count)


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as error:
        raise DocumentPreviewError(
            _("The file could not be opened as a PDF: %(error)s") % {"error": error}
        ) from error


def _render_page(document: pdfium.PdfDocument, index: int, width: int, target: Path) -> ImageOutput:
    page = document[index]
    try:
        page_width, _page_height = page.get_size()
        bitmap = page.render(scale=width / page_width)
        image = bitmap.to_pil().convert("RGB")
    except pdfium.PdfiumError as error:
        raise DocumentPreviewError(
            _("Page %(page)d could not be rendered: %(error)s")
            % {"page": index + 1, "error": error}
        ) from error
    finally:
        page.close()
    if target.suffix == ".jpg":
        image.save(target, "JPEG", quality=85)
    else:
        image.save(target, "PNG", optimize=True)
    return describe_image(target)
