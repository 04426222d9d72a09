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

from assets.ffmpeg.inputs import MediaInput, input_args

from .jpeg import NotJpeg, picture_segments

CHUNK_SIZE = 1024 * 1024
JPEG_FORMATS = ("JPEG", "MPO")  # MPO: a JPEG followed by more pictures (3D, depth)
ORIENTATION = 0x0112
MAX_FORM_DEPTH = 4  # forms drawing forms: deeper nesting adds nothing a copy would change


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
    """SHA-256 of what a viewer sees: a JPEG's coded picture and its EXIF orientation (`jpeg`),
    the decoded pixels (mode, size, raw bytes) after EXIF orientation for other formats."""
    with Image.open(source) as image:
        if image.format in JPEG_FORMATS:
            try:
                return _jpeg_content_hash(_read(source), image.getexif().get(ORIENTATION, 1))
            except NotJpeg:
                pass  # a damaged structure the decoder tolerates: its pixels are the picture
        ImageOps.exif_transpose(image, in_place=True)  # no copy of a 12-megapixel picture
        digest = hashlib.sha256(f"{image.mode}:{image.width}x{image.height}:".encode())
        digest.update(image.tobytes())
    return digest.hexdigest()


def _jpeg_content_hash(data: bytes, orientation: int) -> str:
    digest = hashlib.sha256(f"jpeg:{orientation}:".encode())
    for segment in picture_segments(data):
        digest.update(segment)
    return digest.hexdigest()


def _read(source: str | Path | BinaryIO) -> bytes:
    if isinstance(source, str | Path):
        return Path(source).read_bytes()
    source.seek(0)
    return source.read()


def media_content_hash(source: MediaInput) -> str:
    """SHA-256 over the audio/video packets, whatever the container and its metadata say.

    `-c copy` does not decode, so this is fast and equal for a re-muxed copy of the same streams.
    """
    command = [
        "ffmpeg", "-v", "error", "-nostdin", *input_args(source),
        "-map", "0:v?", "-map", "0:a?", "-c", "copy", "-f", "hash", "-hash", "sha256", "-",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, check=True, timeout=600)
    line = result.stdout.decode().strip().splitlines()[-1]
    return line.split("=", 1)[1]


def pdf_content_hash(source: str | Path | BinaryIO) -> str:
    """SHA-256 of what every page draws: its content stream and the images and forms it draws
    (not the info dict or XMP). A scanned page's content stream only says "draw image Im0", the
    same in every scan: the image's bytes must count too."""
    reader = PdfReader(source)
    digest = hashlib.sha256(f"pages:{len(reader.pages)}".encode())
    for page in reader.pages:
        contents = page.get_contents()
        digest.update(contents.get_data() if contents is not None else b"")
        for name, data in _drawn_objects(page.get("/Resources")):
            digest.update(f"\n{name}:{len(data)}:".encode())
            digest.update(data)
    return digest.hexdigest()


def _drawn_objects(resources, depth: int = 0):
    """(name, bytes) of the XObjects (images, forms) a page or form may draw, in name order."""
    resources = resources.get_object() if resources is not None else None
    xobjects = resources.get("/XObject") if resources is not None else None
    if xobjects is None or depth > MAX_FORM_DEPTH:
        return
    xobjects = xobjects.get_object()
    for name in sorted(xobjects):
        drawn = xobjects[name].get_object()
        yield name, _stream_bytes(drawn)
        if drawn.get("/Subtype") == "/Form":
            yield from _drawn_objects(drawn.get("/Resources"), depth + 1)


def _stream_bytes(stream) -> bytes:
    """The stream's data; as stored, when pypdf cannot undo its filter (JBIG2, JPX)."""
    try:
        return stream.get_data()
    except (NotImplementedError, ValueError):
        return getattr(stream, "_data", b"") or b""
