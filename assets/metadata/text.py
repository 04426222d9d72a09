"""Turning the strings metadata formats store into clean Unicode text."""

from __future__ import annotations

import unicodedata


def clean(value: object) -> str | None:
    """NFC text without NUL characters or surrounding space; None when nothing is left."""
    if value is None:
        return None
    text = unicodedata.normalize("NFC", str(value)).replace("\x00", " ").strip()
    return text or None


def repair_utf8(text: str) -> str:
    """Pillow reads EXIF ASCII fields as Latin-1; cameras and exiftool store UTF-8 there."""
    try:
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def decode_bytes(data: bytes, declared_utf8: bool = False) -> str:
    """UTF-8 when declared or when the bytes are valid UTF-8, else Windows-1252."""
    if declared_utf8:
        return data.decode("utf-8", "replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def unique(values: list[str | None]) -> list[str]:
    """Non-empty values in order, without repeats (compared case-insensitively)."""
    seen: set[str] = set()
    result = []
    for value in values:
        text = clean(value)
        if text and text.casefold() not in seen:
            seen.add(text.casefold())
            result.append(text)
    return result
