"""The parts of a raster image file a reader could see as text: everything but the pixel data.

Code hidden in an image lives in its comments, metadata, unknown chunks or after its end marker.
Compressed pixel data is noise: any four bytes turn up in it sooner or later (`<svg` in about one
noisy megapixel PNG in five hundred), so it is skipped, and only the rest is searched for web code.
A file whose structure cannot be walked is searched whole.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from .reading import CHUNK_SIZE, find_in_range, read_at

Region = tuple[int, int]  # [start, end) byte offsets


class _Unwalkable(Exception):
    """The layout does not follow the format: search the whole file instead."""


def find_outside_pixels(
    file: BinaryIO, pillow_format: str, size: int, needles: tuple[bytes, ...]
) -> bytes | None:
    """The first needle found, case-insensitively, outside the compressed pixel data."""
    try:
        regions = list(readable_regions(file, pillow_format, size))
    except _Unwalkable:
        regions = [(0, size)]
    for start, end in regions:
        found = find_in_range(file, start, end, needles)
        if found:
            return found
    return None


def readable_regions(file: BinaryIO, pillow_format: str, size: int) -> Iterator[Region]:
    walk = _WALKERS.get(pillow_format)
    if walk is None:
        yield (0, size)
        return
    yield from walk(file, 0, size)


def _need(data: bytes, length: int) -> bytes:
    if len(data) < length:
        raise _Unwalkable
    return data


# PNG: length, type, data, CRC per chunk; APNG frames (fdAT) are pixel data too.
_PNG_PIXELS = {b"IDAT", b"fdAT"}


def _png(file: BinaryIO, start: int, size: int) -> Iterator[Region]:
    offset = start + 8
    while offset < size:
        header = _need(read_at(file, offset, 8), 8)
        length, kind = int.from_bytes(header[:4], "big"), header[4:]
        end = offset + 12 + length
        if end > size:
            raise _Unwalkable
        if kind not in _PNG_PIXELS:
            yield (offset, end)
        offset = end
        if kind == b"IEND":
            yield (offset, size)
            return
    raise _Unwalkable


# JPEG: marker segments, and after each start-of-scan the entropy-coded data, in which 0xFF is
# only ever followed by a stuffed 0x00 or a restart marker.
_SOS, _EOI = 0xDA, 0xD9
_NO_LENGTH = {0x01, *range(0xD0, 0xD8)}


def _jpeg(file: BinaryIO, start: int, size: int) -> Iterator[Region]:
    offset = start + 2
    while offset < size:
        marker = _need(read_at(file, offset, 2), 2)
        if marker[0] != 0xFF:
            raise _Unwalkable
        if marker[1] == 0xFF:  # fill byte
            offset += 1
            continue
        if marker[1] == _EOI:
            yield from _after_jpeg(file, offset + 2, size)
            return
        if marker[1] in _NO_LENGTH:
            offset += 2
            continue
        length = int.from_bytes(_need(read_at(file, offset + 2, 2), 2), "big")
        end = offset + 2 + length
        yield (offset, min(end, size))
        offset = _end_of_scan(file, end, size) if marker[1] == _SOS else end
    raise _Unwalkable


def _end_of_scan(file: BinaryIO, offset: int, size: int) -> int:
    while offset < size:
        chunk = read_at(file, offset, CHUNK_SIZE + 1)
        position = chunk.find(b"\xff")
        while 0 <= position < len(chunk) - 1:
            following = chunk[position + 1]
            if following != 0x00 and not 0xD0 <= following <= 0xD7:
                return offset + position
            position = chunk.find(b"\xff", position + 2)
        offset += max(len(chunk) - 1, 1)
    return size


def _after_jpeg(file: BinaryIO, offset: int, size: int) -> Iterator[Region]:
    """Phones append further JPEGs (MPF previews and depth maps): walk those too."""
    if offset < size and read_at(file, offset, 3) == b"\xff\xd8\xff":
        yield from _jpeg(file, offset, size)
    else:
        yield (offset, size)


# GIF: header, colour table, then extension blocks, images and the trailer.
def _gif(file: BinaryIO, start: int, size: int) -> Iterator[Region]:
    screen = _need(read_at(file, start, 13), 13)
    offset = start + 13 + _colour_table_size(screen[10])
    yield (start, offset)
    while offset < size:
        introducer = _need(read_at(file, offset, 1), 1)[0]
        if introducer == 0x3B:
            yield (offset, size)
            return
        if introducer == 0x21:
            end = _skip_sub_blocks(file, offset + 2, size)
            yield (offset, end)
        elif introducer == 0x2C:
            descriptor = _need(read_at(file, offset, 10), 10)
            pixels = offset + 10 + _colour_table_size(descriptor[9]) + 1
            yield (offset, pixels)
            end = _skip_sub_blocks(file, pixels, size)
        else:
            raise _Unwalkable
        offset = end
    raise _Unwalkable


def _colour_table_size(flags: int) -> int:
    return 3 * 2 ** ((flags & 0x07) + 1) if flags & 0x80 else 0


def _skip_sub_blocks(file: BinaryIO, offset: int, size: int) -> int:
    while offset < size:
        length = _need(read_at(file, offset, 1), 1)[0]
        offset += 1 + length
        if length == 0:
            return offset
    raise _Unwalkable


# WebP: a RIFF file of chunks; VP8, VP8L, alpha and animation frames hold the pixels.
_WEBP_PIXELS = {b"VP8 ", b"VP8L", b"ALPH", b"ANMF"}


def _webp(file: BinaryIO, start: int, size: int) -> Iterator[Region]:
    declared = int.from_bytes(_need(read_at(file, start + 4, 4), 4), "little")
    riff_end = min(size, start + 8 + declared)
    offset = start + 12
    yield (start, offset)
    while offset + 8 <= riff_end:
        header = read_at(file, offset, 8)
        end = offset + 8 + int.from_bytes(header[4:], "little")
        end += end % 2
        if header[:4] not in _WEBP_PIXELS:
            yield (offset, min(end, size))
        offset = end
    yield (min(offset, size), size)


# AVIF and HEIC: ISO boxes; the coded pictures sit in `mdat`.
def _iso(file: BinaryIO, start: int, size: int) -> Iterator[Region]:
    offset = start
    while offset + 8 <= size:
        header = read_at(file, offset, 16)
        box_size, kind = int.from_bytes(header[:4], "big"), header[4:8]
        if box_size == 1:
            box_size = int.from_bytes(_need(header, 16)[8:16], "big")
        elif box_size == 0:
            box_size = size - offset
        if box_size < 8:
            raise _Unwalkable
        if kind != b"mdat":
            yield (offset, min(offset + box_size, size))
        offset += box_size
    if offset < size:
        yield (offset, size)


_WALKERS = {"PNG": _png, "JPEG": _jpeg, "GIF": _gif, "WEBP": _webp, "AVIF": _iso, "HEIF": _iso}
