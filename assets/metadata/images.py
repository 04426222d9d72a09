"""`extract_image_metadata`: what a photo says about itself, to pre-fill the asset form.

Each field is taken from the first source that has it, XMP, then IPTC IIM, then EXIF: the
order the IPTC and the Metadata Working Group recommend, since XMP is the newest and the only
one defined as Unicode. Only the header is read; pixels are never decoded.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from typing import BinaryIO

from PIL import Image, UnidentifiedImageError

from .exif import exif_fields, orientation
from .iptc import iptc_fields
from .xmp import xmp_fields

_ROTATED_ORIENTATIONS = {5, 6, 7, 8}


@dataclass
class ImageMetadata:
    title: str | None = None
    caption: str | None = None
    creator: str | None = None
    copyright: str | None = None
    credit_line: str | None = None
    keywords: list[str] = field(default_factory=list)
    created_at: datetime | None = None
    city: str | None = None
    location: str | None = None
    width: int | None = None  # as displayed, after the EXIF orientation is applied
    height: int | None = None
    orientation: int = 1


def _register_heif() -> None:
    from pillow_heif import register_heif_opener

    register_heif_opener()


_register_heif()


def extract_image_metadata(file: BinaryIO | str | os.PathLike[str]) -> ImageMetadata:
    """Read EXIF, IPTC and XMP from an image file object or path; empty if Pillow cannot open it."""
    try:
        with Image.open(file) as image:
            return _metadata(image)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return ImageMetadata()
    finally:
        if hasattr(file, "seek"):
            file.seek(0)


def _metadata(image: Image.Image) -> ImageMetadata:
    sources = (xmp_fields(image), iptc_fields(image), exif_fields(image))
    turn = orientation(image)
    width, height = image.size
    if turn in _ROTATED_ORIENTATIONS:
        width, height = height, width
    found = {
        name: next((source[name] for source in sources if source.get(name)), None)
        for name in ("title", "caption", "creator", "copyright", "credit_line", "created_at",
                     "city", "location", "keywords")
    }  # fmt: skip
    found["keywords"] = found["keywords"] or []
    return ImageMetadata(**found, width=width, height=height, orientation=turn)
