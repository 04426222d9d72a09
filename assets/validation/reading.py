"""Reading an uploaded file a piece at a time: its size, head, tail, chunks and a path on disk."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

CHUNK_SIZE = 1024 * 1024


def stream_size(file: BinaryIO) -> int:
    file.seek(0, os.SEEK_END)
    size = file.tell()
    file.seek(0)
    return size


def read_at(file: BinaryIO, offset: int, length: int) -> bytes:
    file.seek(offset)
    return file.read(length)


def read_tail(file: BinaryIO, length: int, size: int) -> bytes:
    return read_at(file, max(0, size - length), length)


def iter_chunks(file: BinaryIO, chunk_size: int = CHUNK_SIZE) -> Iterator[bytes]:
    file.seek(0)
    while chunk := file.read(chunk_size):
        yield chunk


def find_in_stream(file: BinaryIO, needles: tuple[bytes, ...]) -> bytes | None:
    """The first needle found anywhere in the file, case-insensitively, read chunk by chunk."""
    return find_in_range(file, 0, stream_size(file), needles)


def find_in_range(file: BinaryIO, start: int, end: int, needles: tuple[bytes, ...]) -> bytes | None:
    """The first needle found, case-insensitively, between two offsets of the file."""
    overlap = max(len(needle) for needle in needles) - 1
    carry, offset = b"", start
    while offset < end:
        chunk = read_at(file, offset, min(CHUNK_SIZE, end - offset))
        if not chunk:
            break
        window = (carry + chunk).lower()
        for needle in needles:
            if needle in window:
                return needle
        carry, offset = window[-overlap:], offset + len(chunk)
    return None


@contextmanager
def local_path(file: BinaryIO, suffix: str = "") -> Iterator[Path]:
    """A path to the file's bytes: its own when it lives on disk, else a spooled temporary copy."""
    temporary_file_path = getattr(file, "temporary_file_path", None)
    if callable(temporary_file_path):
        yield Path(temporary_file_path())
        return
    on_disk = _path_on_disk(file)
    if on_disk is not None:
        yield on_disk
        return
    with tempfile.NamedTemporaryFile(prefix="ncrl-upload-", suffix=suffix) as spool:
        for chunk in iter_chunks(file):
            spool.write(chunk)
        spool.flush()
        yield Path(spool.name)


def _path_on_disk(file: BinaryIO) -> Path | None:
    """The path of a file object opened from disk, if its name really is that open file."""
    raw = getattr(file, "file", file)
    name = getattr(raw, "name", None)
    if not isinstance(name, str) or not os.path.isfile(name):
        return None
    try:
        opened, named = os.fstat(raw.fileno()), os.stat(name)
    except (AttributeError, OSError, ValueError):
        return None
    if (opened.st_dev, opened.st_ino) != (named.st_dev, named.st_ino):
        return None
    return Path(name)
