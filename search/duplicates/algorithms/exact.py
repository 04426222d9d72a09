"""Exact fingerprints: SHA-256 of the bytes, and content hashes that ignore embedded metadata.

An IPTC edit or a re-muxed container changes the bytes but not the picture or the streams, so
besides the byte hash each kind gets a hash of what a viewer actually sees or hears.
"""

import hashlib
import subprocess
from pathlib import Path
from typing import BinaryIO

from PIL import Image, ImageOps
from pypdf import PdfReader

CHUNK_SIZE = 1024 * 1024


def sha256_of(fileobj: BinaryIO) -> str:
    """SHA-256 of a file object read in chunks from its start; the position is restored."""
    start = fileobj.tell() if fileobj.seekable() else None
    if start is not None:
        fileobj.seek(0)
    digest = hashlib.sha256()
    while chunk := fileobj.read(CHUNK_SIZE):
        digest.update(chunk)
    if start is not None:
        fileobj.seek(start)
    return digest.hexdigest()


def image_content_hash(source: str | Path | BinaryIO) -> str:
    """SHA-256 of the decoded pixels (mode, size, raw bytes) after EXIF orientation."""
    with Image.open(source) as opened:
        image = ImageOps.exif_transpose(opened)
        digest = hashlib.sha256(f"{image.mode}:{image.width}x{image.height}:".encode())
        digest.update(image.tobytes())
    return digest.hexdigest()


def media_content_hash(path: str | Path) -> str:
    """SHA-256 over the audio/video packets, whatever the container and its metadata say.

    `-c copy` does not decode, so this is fast and equal for a re-muxed copy of the same streams.
    """
    command = [
        "ffmpeg", "-v", "error", "-nostdin", "-i", str(path),
        "-map", "0:v?", "-map", "0:a?", "-c", "copy", "-f", "hash", "-hash", "sha256", "-",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, check=True, timeout=600)
    line = result.stdout.decode().strip().splitlines()[-1]
    return line.split("=", 1)[1]


def pdf_content_hash(source: str | Path | BinaryIO) -> str:
    """SHA-256 of the page count and the content streams of every page (not the info dict)."""
    reader = PdfReader(source)
    digest = hashlib.sha256(f"pages:{len(reader.pages)}".encode())
    for page in reader.pages:
        contents = page.get_contents()
        digest.update(contents.get_data() if contents is not None else b"")
    return digest.hexdigest()
