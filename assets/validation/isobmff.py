"""The top-level boxes of an MP4/QuickTime file: a box running past the end means a cut file.

ffprobe happily reports a full duration for an MP4 whose index comes first and whose media
data was cut off, so the box sizes are checked against the file size before probing.
"""

from __future__ import annotations

from typing import BinaryIO

from .reading import read_at

_MAX_BOXES = 1_000_000
_INDEX_BOXES = {b"moov"}


class BoxProblem(Exception):
    """The box layout shows the file is cut short or damaged."""

    def __init__(self, kind: str, box: str) -> None:
        super().__init__(f"{kind}: {box}")
        self.kind = kind
        self.box = box


def check_boxes(file: BinaryIO, size: int) -> None:
    """Raise BoxProblem("truncated" | "no_index" | "corrupt", box) when the layout is broken."""
    offset, seen_index = 0, False
    for _ in range(_MAX_BOXES):
        if offset >= size:
            break
        box_size, box_type = _box_header(file, offset, size)
        seen_index = seen_index or box_type in _INDEX_BOXES
        if box_size == 0:  # the last box runs to the end of the file
            break
        if offset + box_size > size:
            raise BoxProblem("truncated", box_type.decode("latin-1"))
        offset += box_size
    if not seen_index:
        raise BoxProblem("no_index", "moov")


def _box_header(file: BinaryIO, offset: int, size: int) -> tuple[int, bytes]:
    header = read_at(file, offset, 16)
    if len(header) < 8:
        raise BoxProblem("truncated", "header")
    box_size = int.from_bytes(header[0:4], "big")
    box_type = header[4:8]
    if box_size == 1:
        if len(header) < 16:
            raise BoxProblem("truncated", box_type.decode("latin-1"))
        box_size = int.from_bytes(header[8:16], "big")
        if box_size < 16:
            raise BoxProblem("corrupt", box_type.decode("latin-1"))
    elif 0 < box_size < 8:
        raise BoxProblem("corrupt", box_type.decode("latin-1"))
    return box_size, box_type
