"""render_document_previews(): first-page preview and page thumbnails of a real PDF."""

import pytest
from PIL import Image

from transcoding.previews import DocumentPreviewError, render_document_previews


def test_preview_and_thumbnails(pdf_path, tmp_path):
    previews = render_document_previews(pdf_path, tmp_path)
    assert previews.page_count == 3
    with Image.open(previews.preview.path) as image:
        assert image.format == "PNG"
        assert image.width == 1200 and abs(image.height - 1200 * 842 / 595) <= 1
        assert image.getpixel((600, 20)) == (255, 255, 255)  # page margin
        assert image.getpixel((600, 250)) != (255, 255, 255)  # the drawn band
    assert [t.width for t in previews.thumbnails] == [240, 240, 240]
    assert [t.path.name for t in previews.thumbnails] == [
        "page-0001.png", "page-0002.png", "page-0003.png"
    ]  # fmt: skip


def test_page_cap_and_jpeg_from_settings(pdf_path, tmp_path, settings):
    settings.TRANSCODING_DOCUMENTS = {"max_pages": 2, "image_format": "jpeg"}
    previews = render_document_previews(pdf_path, tmp_path)
    assert previews.page_count == 3 and len(previews.thumbnails) == 2
    with Image.open(previews.preview.path) as image:
        assert image.format == "JPEG"


def test_corrupt_pdf_raises(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 100)
    with pytest.raises(DocumentPreviewError):
        render_document_previews(broken, tmp_path / "out")
