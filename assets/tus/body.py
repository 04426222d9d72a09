"""Read a request body in chunks as it arrives; a dropped connection just ends it.

Under gunicorn (the production profile) an upload's body is read straight from the client's
socket into a buffer of our own, after taking the few bytes gunicorn read ahead with the headers.
gunicorn's portable reader passes every byte through two layers of BytesIO buffers, six copies in
Python objects: 1 GB took 2.6 s and 1.0 CPU-second there, 0.5 s and 0.2 CPU-second from the socket
(`make bench-upload`'s machine). gunicorn's reader is then told the body is consumed, so a
keep-alive connection goes on at the next request. Any other server, or a body something already
began to read, is read the portable way.
"""

import socket
from collections.abc import Callable, Iterator

try:
    from gunicorn.http.body import Body, LengthReader
except ImportError:  # another WSGI server: the portable way only
    Body = LengthReader = None

READ_CHUNK = 1024 * 1024


def body_chunks(
    request, length: int, observers: list[Callable[[bytes], object]]
) -> Iterator[bytes | memoryview]:
    """Up to `length` bytes of the body, each chunk shown to every observer first. A chunk is
    only valid until the next one is asked for (read from the socket, it is a view of the
    reader's own buffer, filled again for the next)."""
    direct = _gunicorn_body(request, length)
    for chunk in direct if direct is not None else _portable_chunks(request, length):
        for observe in observers:
            observe(chunk)
        yield chunk


def _portable_chunks(request, length: int) -> Iterator[bytes]:
    remaining = length
    while remaining > 0:
        try:
            chunk = request.read(min(READ_CHUNK, remaining))
        except OSError:
            return
        if not chunk:
            return
        remaining -= len(chunk)
        yield chunk


def _gunicorn_body(request, length: int) -> Iterator[bytes | memoryview] | None:
    """The body read from gunicorn's socket, or None when this request cannot be read so."""
    stream = request.META.get("wsgi.input")
    client = request.META.get("gunicorn.socket")
    if Body is None or not isinstance(stream, Body) or not isinstance(client, socket.socket):
        return None
    reader = stream.reader
    if request._read_started or not isinstance(reader, LengthReader):
        return None
    if not hasattr(stream, "buf") or not hasattr(reader.unreader, "take_buffered"):
        return None  # a gunicorn whose reader is built otherwise: read it the portable way
    if stream.buf.tell() or reader.length != length:
        return None  # gunicorn's own reader began with it
    request._read_started = True
    return _socket_chunks(client, reader, length)


def _socket_chunks(client: socket.socket, reader, length: int) -> Iterator[bytes | memoryview]:
    """What gunicorn read ahead with the headers, then the rest from the socket in chunks of
    READ_CHUNK. gunicorn's reader is kept told how much of the body is left, so that it never
    takes body bytes for the next request on the connection."""
    held = reader.unreader.take_buffered()
    if len(held) > length:
        reader.unreader.unread(held[length:])  # the next request's first bytes
        held = held[:length]
    reader.length -= len(held)
    if held:
        yield held
    view = memoryview(bytearray(READ_CHUNK))
    while reader.length > 0:
        wanted = min(READ_CHUNK, reader.length)
        filled = _fill(client, view[:wanted])
        reader.length -= filled
        if filled:
            yield view[:filled]
        if filled < wanted:
            return  # the client went away: what arrived is kept


def _fill(client: socket.socket, target: memoryview) -> int:
    """Receive until `target` is full or the connection ends; how many bytes came."""
    filled = 0
    while filled < len(target):
        try:
            received = client.recv_into(target[filled:])
        except OSError:
            return filled
        if not received:
            return filled
        filled += received
    return filled
