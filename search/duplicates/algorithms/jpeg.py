"""The coded picture of a JPEG file, without its metadata, for an exact content hash.

Decoding a 12-megapixel photo to hash its pixels takes longer than everything else a duplicate
check does. A JPEG is a sequence of marker segments: the quantisation and Huffman tables, the
frame header and the entropy-coded scans are the picture (equal segments decode to equal pixels);
the APPn segments (Exif, XMP, IPTC, ICC profile, JFIF density) and comments are what metadata
editors rewrite. Like a video's content hash (its packets, not its container), the JPEG's is a
hash of those picture segments, read without decoding, plus the Exif orientation a viewer applies.
"""

import re
from collections.abc import Iterator

MARKER = 0xFF
START_OF_IMAGE = b"\xff\xd8"
END_OF_IMAGE = 0xD9
START_OF_SCAN = 0xDA
ADOBE = 0xEE  # APP14: says how the decoder converts colours, so it is part of the picture
COMMENT = 0xFE
STANDALONE = frozenset({0x01, *range(0xD0, 0xD8)})  # TEM and restart markers carry no length
# After a scan's entropy-coded data: a marker that is not a stuffed 0xFF or a restart marker.
NEXT_MARKER = re.compile(rb"\xff(?=[^\x00\xd0-\xd7\xff])")


class NotJpeg(ValueError):
    pass


def is_metadata(marker: int) -> bool:
    return marker == COMMENT or (0xE0 <= marker <= 0xEF and marker != ADOBE)


def picture_segments(data: bytes) -> Iterator[memoryview]:
    """The file's segments up to the end of the (first) image, metadata segments left out;
    NotJpeg when the structure is broken."""
    if not data.startswith(START_OF_IMAGE):
        raise NotJpeg("no start-of-image marker")
    view, position = memoryview(data), 2
    while position < len(data):
        while data[position : position + 2] == b"\xff\xff":
            position += 1  # fill bytes before a marker
        if position + 1 >= len(data) or data[position] != MARKER:
            raise NotJpeg(f"no marker at byte {position}")
        marker = data[position + 1]
        if marker == END_OF_IMAGE:
            return
        if marker in STANDALONE:
            yield view[position : position + 2]
            position += 2
            continue
        if position + 4 > len(data):
            raise NotJpeg("truncated segment header")
        end = position + 2 + int.from_bytes(data[position + 2 : position + 4], "big")
        if end > len(data):
            raise NotJpeg("truncated segment")
        if marker == START_OF_SCAN:
            found = NEXT_MARKER.search(data, end)
            end = found.start() if found else len(data)
        if not is_metadata(marker):
            yield view[position:end]
        position = end
