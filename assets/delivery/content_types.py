"""The Content-Type of a stored file from its name, including the streaming formats that
Python's `mimetypes` does not know on every system."""

import mimetypes
import posixpath

STREAMING_TYPES = {
    ".m3u8": "application/vnd.apple.mpegurl",
    ".m4s": "video/iso.segment",
    ".ts": "video/mp2t",
    ".m4a": "audio/mp4",
    ".mp4": "video/mp4",
    ".vtt": "text/vtt",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".heic": "image/heic",
    ".svg": "image/svg+xml",
    ".json": "application/json",
}


def content_type_for(name: str) -> str:
    extension = posixpath.splitext(name)[1].lower()
    if extension in STREAMING_TYPES:
        return STREAMING_TYPES[extension]
    guessed, _encoding = mimetypes.guess_type(name)
    return guessed or "application/octet-stream"
