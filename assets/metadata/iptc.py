"""Descriptive fields from IPTC IIM, honouring its character set (1:90 ESC % G means UTF-8)."""

from __future__ import annotations

from typing import Any

from PIL import Image, IptcImagePlugin

from . import dates
from .text import clean, decode_bytes, unique

_UTF8_DECLARATION = b"\x1b%G"
_OBJECT_NAME, _KEYWORDS, _DATE, _TIME = (2, 5), (2, 25), (2, 55), (2, 60)
_BY_LINE, _CITY, _SUBLOCATION = (2, 80), (2, 90), (2, 92)
_CREDIT, _COPYRIGHT, _CAPTION = (2, 110), (2, 116), (2, 120)


def iptc_fields(image: Image.Image) -> dict[str, Any]:
    try:
        info = IptcImagePlugin.getiptcinfo(image) or {}
    except (SyntaxError, ValueError, OSError, IndexError):  # a damaged IPTC block
        info = {}
    if not info:
        return {}
    utf8 = _values(info, (1, 90), False)[:1] == [_UTF8_DECLARATION.decode("latin-1")]

    def texts(key: tuple[int, int]) -> list[str]:
        return _values(info, key, utf8)

    def first(key: tuple[int, int]) -> str | None:
        return clean(next(iter(texts(key)), None))

    return {
        "title": first(_OBJECT_NAME),
        "caption": first(_CAPTION),
        "creator": "; ".join(unique(texts(_BY_LINE))) or None,
        "copyright": first(_COPYRIGHT),
        "credit_line": first(_CREDIT),
        "keywords": unique(texts(_KEYWORDS)),
        "created_at": dates.from_iptc(first(_DATE), first(_TIME)),
        "city": first(_CITY),
        "location": first(_SUBLOCATION),
    }


def _values(info: dict, key: tuple[int, int], utf8: bool) -> list[str]:
    raw = info.get(key)
    items = raw if isinstance(raw, list) else [raw] if raw is not None else []
    if key == (1, 90):
        return [item.decode("latin-1") for item in items]
    return [decode_bytes(item, utf8) for item in items]
