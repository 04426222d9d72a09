"""Descriptive fields from EXIF, including the Exif IFD and the Windows XP tags."""

from __future__ import annotations

from typing import Any

from PIL import ExifTags, Image

from . import dates
from .text import clean, repair_utf8, unique

_XP_TITLE, _XP_COMMENT, _XP_AUTHOR, _XP_KEYWORDS = 0x9C9B, 0x9C9C, 0x9C9D, 0x9C9E
_OFFSET_TIME_ORIGINAL = 0x9011


def exif_fields(image: Image.Image) -> dict[str, Any]:
    exif = image.getexif()
    details = exif.get_ifd(ExifTags.IFD.Exif)
    created = dates.from_exif(
        _ascii(details.get(ExifTags.Base.DateTimeOriginal)),
        _ascii(details.get(_OFFSET_TIME_ORIGINAL)),
    ) or dates.from_exif(_ascii(exif.get(ExifTags.Base.DateTime)))
    return {
        "title": _xp(exif.get(_XP_TITLE)),
        "caption": _ascii(exif.get(ExifTags.Base.ImageDescription)) or _xp(exif.get(_XP_COMMENT)),
        "creator": _ascii(exif.get(ExifTags.Base.Artist)) or _xp(exif.get(_XP_AUTHOR)),
        "copyright": _copyright(exif.get(ExifTags.Base.Copyright)),
        "keywords": unique((_xp(exif.get(_XP_KEYWORDS)) or "").split(";")),
        "created_at": created,
    }


def orientation(image: Image.Image) -> int:
    value = image.getexif().get(ExifTags.Base.Orientation, 1)
    return value if isinstance(value, int) and 1 <= value <= 8 else 1


def _ascii(value: Any) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("latin-1")
    return clean(repair_utf8(value)) if isinstance(value, str) else None


def _copyright(value: Any) -> str | None:
    """EXIF keeps the photographer's and the editor's notices apart with a NUL."""
    text = _ascii(value.replace("\x00", "\n") if isinstance(value, str) else value)
    return "; ".join(unique(text.split("\n"))) if text else None


def _xp(value: Any) -> str | None:
    """XP tags are UTF-16LE bytes (Pillow may give them as a tuple of byte values)."""
    if isinstance(value, tuple):
        value = bytes(value)
    if not isinstance(value, bytes):
        return None
    return clean(value.decode("utf-16-le", "replace").rstrip("\x00"))
