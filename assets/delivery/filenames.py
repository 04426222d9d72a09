"""Original file names: kept as the uploader named the file, offered again on download.

The storage key stays content-addressed (`assets.storage_keys`); the name is metadata. Downloads
name the file with RFC 6266 `Content-Disposition`: an ASCII fallback for old clients and the real
name in RFC 5987 `filename*` (Vietnamese names survive: "Báo cáo số 1.pdf").
"""

import posixpath
import unicodedata
from urllib.parse import quote

MAX_NAME_LENGTH = 255
_D_LETTERS = str.maketrans({"đ": "d", "Đ": "D"})
_UNSAFE_IN_QUOTES = str.maketrans({'"': "'", "\\": "_"})


def clean_original_filename(name: str | None) -> str:
    """The last path component of what the client sent, in NFC, without control characters,
    at most 255 characters (the extension kept)."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    base = unicodedata.normalize("NFC", base)
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C").strip()
    if base in ("", ".", ".."):
        return ""
    if len(base) <= MAX_NAME_LENGTH:
        return base
    stem, extension = posixpath.splitext(base)
    extension = extension[:16]
    return stem[: MAX_NAME_LENGTH - len(extension)] + extension


def ascii_fallback(name: str) -> str:
    """ "Báo cáo Đồng Nai.pdf" -> "Bao cao Dong Nai.pdf"; anything else outside ASCII -> "_"."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_D_LETTERS))
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return "".join(ch if 32 <= ord(ch) < 127 else "_" for ch in kept).translate(_UNSAFE_IN_QUOTES)


def content_disposition(name: str, *, attachment: bool) -> str:
    disposition = "attachment" if attachment else "inline"
    if not name:
        return disposition
    fallback = ascii_fallback(name)
    header = f'{disposition}; filename="{fallback}"'
    if fallback != name:
        header += f"; filename*=UTF-8''{quote(name, safe='')}"
    return header


def rendition_download_name(original: str, stored_name: str) -> str:
    """A rendition of "Phóng sự.mp4" stored as ".../720p.mp4" downloads as "Phóng sự-720p.mp4"."""
    stem = posixpath.splitext(original)[0] if original else ""
    base = posixpath.basename(stored_name)
    return f"{stem}-{base}" if stem else base
