"""Opaque pagination cursors: what a backend needs to fetch the next page, as URL-safe text."""

import base64
import binascii
import json

BACKENDS = ("database", "elasticsearch")
MAX_POSITION = 10**9  # a count of hits, never near the 64-bit integers databases hold
MAX_SORT_VALUES = 4


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
    return data if _is_position(data) else None


def _is_position(data) -> bool:
    """The shape the backends write: a backend name, counts in range, a short search_after."""
    if not isinstance(data, dict) or data.get("b") not in BACKENDS:
        return False
    for count in ("offset", "shown"):
        value = data.get(count, 0)
        if type(value) is not int or not 0 <= value <= MAX_POSITION:
            return False
    after = data.get("after", [])
    return (
        isinstance(after, list)
        and len(after) <= MAX_SORT_VALUES
        and all(value is None or type(value) in (str, int, float, bool) for value in after)
    )
