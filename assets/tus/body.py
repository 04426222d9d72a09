"""Read a request body in chunks as it arrives; a dropped connection just ends it."""

from collections.abc import Callable, Iterator

READ_CHUNK = 1024 * 1024


def body_chunks(
    request, length: int, observers: list[Callable[[bytes], object]]
) -> Iterator[bytes]:
    """Up to `length` bytes of the body, each chunk shown to every observer first."""
    remaining = length
    while remaining > 0:
        try:
            chunk = request.read(min(READ_CHUNK, remaining))
        except OSError:
            return
        if not chunk:
            return
        remaining -= len(chunk)
        for observe in observers:
            observe(chunk)
        yield chunk
