"""Opaque pagination cursors: what a backend needs to fetch the next page, as URL-safe text."""

import base64
import binascii
import json


def encode_cursor(backend: str, position: dict) -> str:
    raw = json.dumps({"b": backend, **position}, separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> dict | None:
    """The position inside a cursor, or None when it is missing or not one of ours."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None
