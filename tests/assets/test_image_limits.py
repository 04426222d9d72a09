"""Decoding an image costs what its file size allows: a few kilobytes that declare tens of
megapixels are refused from the header, at any size above a small free allowance, before a
pixel is decoded; sparse black-and-white scans and flat graphics below it still pass."""

import io
import time

import pytest
from django.urls import reverse
from PIL import Image, ImageDraw

from assets.models import ImageAsset
from assets.validation import UploadRejected, validate_upload
from assets.validation import images as image_check
from tests.factories import upload

from . import badfiles as make


def _refused(data: bytes, monkeypatch) -> UploadRejected:
    monkeypatch.setattr(image_check, "_decode", lambda *args: pytest.fail("decoded"))
    monkeypatch.setattr(image_check, "_verify", lambda *args: pytest.fail("verified"))
    with pytest.raises(UploadRejected) as refused:
        validate_upload(io.BytesIO(data), filename="bom.png", allowed=("image",))
    return refused.value


def test_a_small_1_bit_png_of_79_megapixels_is_refused_before_decoding(monkeypatch):
    """8900×8900 under the 80 Mpx limit: it passed, and cost 411 MB and 3.6 s to check."""
    data = make.png_bomb(8900, 8900)
    started = time.perf_counter()
    error = _refused(data, monkeypatch)
    assert error.code == "decompression_bomb"
    assert "8900×8900" in str(error)
    assert time.perf_counter() - started < 0.5


def test_the_ratio_is_asked_below_a_raised_pixel_limit_too(settings, monkeypatch):
    settings.ASSET_UPLOAD_LIMITS = {**settings.ASSET_UPLOAD_LIMITS, "image_max_pixels": 10**9}
    assert _refused(make.png_bomb(6000, 6000), monkeypatch).code == "decompression_bomb"


def test_a_sparse_black_and_white_scan_is_accepted():
    page = Image.new("1", (2480, 3508), 1)  # A4 at 300 dpi
    ImageDraw.Draw(page).text((200, 300), "Kế hoạch 45/KH-UBND " * 4, fill=0)
    buffer = io.BytesIO()
    page.save(buffer, "PNG", optimize=True)
    data = buffer.getvalue()
    assert 2480 * 3508 / len(data) > image_check.BOMB_PIXELS_PER_BYTE  # sparser than a bomb
    sniffed = validate_upload(io.BytesIO(data), filename="scan.png", allowed=("image",))
    assert (sniffed.width, sniffed.height) == (2480, 3508)


@pytest.mark.django_db
def test_the_admin_uploader_refuses_it_at_once(client, editor_a, agency_a):
    client.force_login(editor_a)
    started = time.perf_counter()
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {"files[]": upload("bom.png", make.png_bomb(8900, 8900), "image/png")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert time.perf_counter() - started < 5
    answer = response.json()
    assert answer["success"] is False and "8900×8900" in answer["error_message"]
    assert not ImageAsset.objects.exists()
