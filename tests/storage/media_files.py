"""Real files for upload tests, written to disk in chunks, with their SHA-256."""

import hashlib
import io
import os
from pathlib import Path

from PIL import Image

from tests.factories import mp4_bytes

WRITE_CHUNK = 8 * 1024 * 1024


def noise_png(size: tuple[int, int] = (600, 600)) -> bytes:
    """A PNG of random pixels: different bytes on every call, hardly compressible."""
    buffer = io.BytesIO()
    Image.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3)).save(buffer, "PNG")
    return buffer.getvalue()


def padded_mp4(path: Path, total_bytes: int) -> str:
    """A real, playable MP4 grown to `total_bytes` by a trailing 'free' box of random bytes
    (ISO BMFF readers skip free boxes); returns its SHA-256."""
    clip = mp4_bytes(1.0)
    padding = total_bytes - len(clip) - 8
    digest = hashlib.sha256()
    with path.open("wb") as handle:
        for piece in (clip, (padding + 8).to_bytes(4, "big"), b"free"):
            handle.write(piece)
            digest.update(piece)
        remaining = padding
        while remaining:
            chunk = os.urandom(min(WRITE_CHUNK, remaining))
            handle.write(chunk)
            digest.update(chunk)
            remaining -= len(chunk)
    return digest.hexdigest()


def sha256_of_path(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()
