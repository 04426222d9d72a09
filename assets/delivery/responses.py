"""One way to answer with a stored file, for every door that serves one (asset files, documents,
renditions, HLS segments): conditional GET, byte ranges and the download name.

A local folder is streamed from here (206 for a range); a private S3 bucket gets a redirect to a
short-lived presigned URL, which S3 serves with ranges, the right type and the download name.
"""

from collections.abc import Iterator

from django.core.files.storage import Storage, default_storage
from django.http import FileResponse, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, quote_etag

from ..storage.links import is_remote, presigned_download_url
from ..storage.references import is_content_key
from .content_types import content_type_for
from .filenames import content_disposition
from .ranges import ByteRange, Unsatisfiable, requested_range
from .sandbox import is_svg, sandbox_svg

CHUNK_BYTES = 256 * 1024
PUBLIC_CACHE = "public, max-age=300"
PRIVATE_CACHE = "private, no-store"


def stored_file_response(
    request,
    name: str,
    *,
    download_name: str = "",
    attachment: bool = False,
    public: bool = True,
    storage: Storage | None = None,
) -> HttpResponse:
    storage = storage or default_storage
    svg = is_svg(content_type_for(name))
    disposition = content_disposition(download_name, attachment=attachment or svg)
    if is_remote(storage):
        url = presigned_download_url(
            storage, name, content_type=content_type_for(name), disposition=disposition
        )
        response = HttpResponseRedirect(url)
        response["Cache-Control"] = PRIVATE_CACHE
        return response
    response = _local_response(request, storage, name, disposition)
    response["Cache-Control"] = PUBLIC_CACHE if public else PRIVATE_CACHE
    return sandbox_svg(response, content_type_for(name))


def _etag(name: str, size: int, modified: float) -> str:
    if is_content_key(name):
        # A content key holds the same bytes forever: its digest is a strong validator.
        return quote_etag(name.rsplit("/", 1)[-1].split(".", 1)[0])
    return quote_etag(f"{size:x}-{int(modified):x}")


def _local_response(request, storage: Storage, name: str, disposition: str) -> HttpResponse:
    size = storage.size(name)
    modified = storage.get_modified_time(name).timestamp()
    etag = _etag(name, size, modified)
    conditional = get_conditional_response(request, etag=etag, last_modified=int(modified))
    if conditional is not None:
        conditional["Accept-Ranges"] = "bytes"
        return conditional
    try:
        wanted = _range_if_fresh(request, size, etag, modified)
    except Unsatisfiable:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    content_type = content_type_for(name)
    if request.method == "HEAD":
        response = HttpResponse(content_type=content_type, status=206 if wanted else 200)
        length = wanted.length if wanted else size
    elif wanted is None:
        response = FileResponse(storage.open(name, "rb"), content_type=content_type)
        length = size
    else:
        response = StreamingHttpResponse(
            _read_range(storage, name, wanted), status=206, content_type=content_type
        )
        length = wanted.length
    if wanted is not None:
        response["Content-Range"] = wanted.content_range(size)
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Content-Disposition"] = disposition
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _range_if_fresh(request, size: int, etag: str, modified: float) -> ByteRange | None:
    """The requested range, unless `If-Range` names another version of the file (RFC 9110
    13.1.5): then the whole file."""
    if_range = request.headers.get("If-Range")
    if if_range and if_range not in (etag, http_date(modified)):
        return None
    return requested_range(request.headers.get("Range"), size)


def _read_range(storage: Storage, name: str, wanted: ByteRange) -> Iterator[bytes]:
    with storage.open(name, "rb") as handle:
        handle.seek(wanted.start)
        remaining = wanted.length
        while remaining > 0:
            chunk = handle.read(min(CHUNK_BYTES, remaining))
            if not chunk:
                return
            remaining -= len(chunk)
            yield chunk
