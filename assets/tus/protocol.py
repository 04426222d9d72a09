"""The tus 1.0.0 wire format: headers, metadata, and the responses every request gets."""

import base64
import binascii
from collections.abc import Callable

from django.http import HttpResponse, JsonResponse
from django.utils.http import http_date

TUS_VERSION = "1.0.0"
TUS_EXTENSIONS = "creation,termination,checksum,expiration"
CHECKSUM_ALGORITHMS = ("sha256", "sha1", "md5")
OFFSET_CONTENT_TYPE = "application/offset+octet-stream"


MAX_INT_DIGITS = 19  # more than any length or offset a server can hold


class ProtocolError(Exception):
    """A request the protocol refuses; carries the HTTP status to answer with."""

    def __init__(self, status: int, message: str, code: str = "", **headers):
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code
        self.headers = headers


def parse_metadata(header: str) -> dict[str, str]:
    """`key base64value,key2 base64value2` -> {key: decoded text}; a key may have no value."""
    metadata: dict[str, str] = {}
    for pair in filter(None, (item.strip() for item in header.split(","))):
        key, _sep, encoded = pair.partition(" ")
        try:
            metadata[key] = base64.b64decode(encoded, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError) as error:
            raise ProtocolError(400, f"Upload-Metadata value of {key!r} is not base64") from error
    return metadata


def parse_checksum(header: str) -> tuple[str, bytes] | None:
    """`Upload-Checksum: sha256 <base64 digest>` -> (algorithm, digest bytes)."""
    if not header:
        return None
    algorithm, _sep, encoded = header.strip().partition(" ")
    if algorithm not in CHECKSUM_ALGORITHMS:
        raise ProtocolError(400, f"checksum algorithm {algorithm!r} is not supported")
    try:
        return algorithm, base64.b64decode(encoded, validate=True)
    except binascii.Error as error:
        raise ProtocolError(400, "Upload-Checksum digest is not base64") from error


def is_plain_int(text: str) -> bool:
    """ASCII digits only: str.isdigit() also accepts "²" and other scripts' digits."""
    return 0 < len(text) <= MAX_INT_DIGITS and text.isascii() and text.isdigit()


def header_int(request, name: str) -> int:
    raw = request.headers.get(name, "")
    if not is_plain_int(raw):
        raise ProtocolError(400, f"{name} must be a non-negative integer")
    return int(raw)


class TusResponse(HttpResponse):
    """An answer that can do some work once it is sent: the WSGI server closes a response after
    sending it (Django's test client closes it at once), so the client need not wait for it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.after_sending: list[Callable[[], object]] = []

    def close(self):
        try:
            for work in self.after_sending:
                work()
        finally:
            super().close()


def tus_response(status: int = 204, **headers) -> TusResponse:
    response = TusResponse(status=status)
    return with_tus_headers(response, **headers)


def tus_error(error: ProtocolError) -> HttpResponse:
    body = {"error": error.message, **({"code": error.code} if error.code else {})}
    return with_tus_headers(JsonResponse(body, status=error.status), **error.headers)


def with_tus_headers(response: HttpResponse, **headers) -> HttpResponse:
    response["Tus-Resumable"] = TUS_VERSION
    response["Cache-Control"] = "no-store"
    for name, value in headers.items():
        response[name.replace("_", "-")] = str(value)
    return response


def expires_header(moment) -> str:
    return http_date(moment.timestamp())
