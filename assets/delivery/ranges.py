"""Byte ranges (RFC 9110 section 14): what a `Range` header asks of a file of a known size.

One range is served as 206; several ranges, or a header we cannot read, get the whole file (a
server may ignore Range); a range that starts past the end is 416.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ByteRange:
    start: int
    end: int  # inclusive

    @property
    def length(self) -> int:
        return self.end - self.start + 1

    def content_range(self, size: int) -> str:
        return f"bytes {self.start}-{self.end}/{size}"


class Unsatisfiable(Exception):
    pass


def requested_range(header: str | None, size: int) -> ByteRange | None:
    """The one range asked for, None for the whole file; raises Unsatisfiable (416)."""
    if not header:
        return None
    unit, _, spec = header.strip().partition("=")
    if unit.strip().lower() != "bytes" or "," in spec:
        return None
    first, dash, last = spec.strip().partition("-")
    if not dash:
        return None
    try:
        if first == "":
            suffix = int(last)
            if suffix <= 0:
                raise Unsatisfiable
            return ByteRange(max(size - suffix, 0), size - 1) if size else _unsatisfiable()
        start = int(first)
        end = int(last) if last else size - 1
    except ValueError:
        return None
    if start < 0 or (last and end < start):
        return None
    if start >= size:
        raise Unsatisfiable
    return ByteRange(start, min(end, size - 1))


def _unsatisfiable():
    raise Unsatisfiable
