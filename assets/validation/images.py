"""Raster images: the header size against our pixel limit first, then a full verify and decode.

Accepted: JPEG, PNG, GIF, WebP, AVIF and HEIC, the formats Wagtail 8 renders through Willow.
TIFF, BMP and PSD are recognised and refused (browsers do not show them; convert first).
Animated GIF/WebP are checked on their first frame only.
"""

from __future__ import annotations

import re
from typing import BinaryIO

from django.core.exceptions import ImproperlyConfigured
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile, UnidentifiedImageError

from .dangerous import EMBEDDED_CODE_MARKERS, refuse_polyglot
from .errors import UploadRejected
from .image_regions import find_outside_pixels
from .limits import UploadLimits
from .signatures import FileType

# Above this many pixels per byte of file the picture can only be a flat, crafted expanse:
# a real photograph compresses to at most a few dozen pixels per byte.
BOMB_PIXELS_PER_BYTE = 1000
# Up to this many pixels a decode costs at most some 64 MB whatever the file, and sparse
# black-and-white scans (over 1,000 pixels per byte at 300 dpi) or flat web graphics are common:
# the ratio is asked of larger pictures only, whatever the configured pixel limit.
RATIO_FREE_PIXELS = 16_000_000
_JPEG_DRAFT_SCALE = 8


def _register_heif() -> None:
    from pillow_heif import register_heif_opener

    register_heif_opener()


_register_heif()


def check_raster_image(
    file: BinaryIO, file_type: FileType, size: int, limits: UploadLimits, name: str
) -> tuple[int, int]:
    """Refuse a bad raster image; return its stored width and height."""
    if ImageFile.LOAD_TRUNCATED_IMAGES:
        raise ImproperlyConfigured("PIL.ImageFile.LOAD_TRUNCATED_IMAGES must stay False.")
    width, height = _header_size(file, file_type, name)
    _check_pixels(width, height, size, limits, name)
    _verify(file, file_type, name)
    _decode(file, file_type, name)
    hidden = find_outside_pixels(file, file_type.pillow_format, size, EMBEDDED_CODE_MARKERS)
    if hidden:
        # Lazy: this may run in an isolated child, where no translation is active.
        refuse_polyglot(name, file_type.label, format_lazy(_("web code ({})"), hidden.decode()))
    return width, height


def _open(file: BinaryIO, file_type: FileType) -> Image.Image:
    file.seek(0)
    return Image.open(file, formats=[file_type.pillow_format])


def _header_size(file: BinaryIO, file_type: FileType, name: str) -> tuple[int, int]:
    try:
        with _open(file, file_type) as image:
            return image.size
    except Image.DecompressionBombError as error:
        # Pillow refuses before reading the size out: take the pixel count from its message.
        found = re.search(r"\((\d+) pixels\)", str(error))
        declared = f"{int(found[1]) / 1e6:.0f} megapixels" if found else "too many pixels"
        raise _bomb(name, declared) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise _corrupt(name, file_type) from error


def _check_pixels(width: int, height: int, size: int, limits: UploadLimits, name: str) -> None:
    pixels = width * height
    if pixels > RATIO_FREE_PIXELS and pixels / max(size, 1) > BOMB_PIXELS_PER_BYTE:
        raise _bomb(name, f"{width}×{height}")
    if pixels <= limits.image_max_pixels:
        return
    raise UploadRejected(
        _(
            "“%(name)s” is %(width)s×%(height)s pixels (%(megapixels)s megapixels); images may "
            "have at most %(limit)s megapixels. Scale it down before uploading."
        ),
        "too_many_pixels",
        name=name,
        width=width,
        height=height,
        megapixels=f"{pixels / 1e6:.1f}",
        limit=f"{limits.image_max_pixels / 1e6:g}",
    )


def _verify(file: BinaryIO, file_type: FileType, name: str) -> None:
    try:
        with _open(file, file_type) as image:
            image.verify()
    except Exception as error:  # noqa: BLE001 - Pillow plugins raise many types on bad input
        raise _broken(name, file_type, error) from error


def _decode(file: BinaryIO, file_type: FileType, name: str) -> None:
    try:
        with _open(file, file_type) as image:
            if file_type.pillow_format == "JPEG":
                # Decoding at 1/8 scale still reads every byte of the scan, at a fraction of
                # the memory: enough to find a truncated or broken stream.
                width, height = image.size
                image.draft("RGB", (width // _JPEG_DRAFT_SCALE, height // _JPEG_DRAFT_SCALE))
            image.load()
    except Exception as error:  # noqa: BLE001 - Pillow plugins raise many types on bad input
        raise _broken(name, file_type, error) from error


def _broken(name: str, file_type: FileType, error: Exception) -> UploadRejected:
    detail = str(error).lower()
    if isinstance(error, EOFError) or "truncated" in detail or "end of file" in detail:
        return UploadRejected(
            _(
                "“%(name)s” is an incomplete %(kind)s: the file ends before the picture does. "
                "The upload or the copy was probably cut short; upload the complete file."
            ),
            "truncated_image",
            name=name,
            kind=file_type.label,
        )
    return _corrupt(name, file_type)


def _corrupt(name: str, file_type: FileType) -> UploadRejected:
    return UploadRejected(
        _("“%(name)s” is not a readable %(kind)s: its picture data is damaged."),
        "corrupt_image",
        name=name,
        kind=file_type.label,
    )


def _bomb(name: str, dimensions: str) -> UploadRejected:
    return UploadRejected(
        _(
            "“%(name)s” is a decompression bomb: a small file that declares an enormous picture "
            "(%(dimensions)s). It was refused to protect the server."
        ),
        "decompression_bomb",
        name=name,
        dimensions=dimensions,
    )
