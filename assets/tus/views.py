"""The tus endpoints: /assets/uploads/ (create), /assets/uploads/<id> (HEAD, PATCH, DELETE, GET)
and /assets/uploads/check (do these bytes exist already?)."""

import hashlib
import json
import logging
from functools import partial

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import DatabaseError
from django.http import JsonResponse
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from ..models import UploadStatus
from . import hashing
from .auth import uploading_user
from .body import body_chunks
from .cleanup import sweep_now_and_then
from .existing import holders_of
from .finalise import TRANSIENT_ERRORS, drop_received_bytes, finalise_upload
from .locking import upload_lock
from .protocol import (
    CHECKSUM_ALGORITHMS,
    OFFSET_CONTENT_TYPE,
    TUS_EXTENSIONS,
    TUS_VERSION,
    ProtocolError,
    expires_header,
    header_int,
    parse_checksum,
    parse_metadata,
    tus_error,
    tus_response,
    with_tus_headers,
)
from .sessions import end_upload, expiry_from_now, max_upload_size, open_upload, upload_of
from .sinks import StoredBytesMismatch
from .streaming import sink_for

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 5


@method_decorator(csrf_exempt, name="dispatch")
class TusView(View):
    """Common ground: protocol version, authentication, errors as tus responses."""

    http_method_names = ["get", "post", "head", "patch", "delete", "options"]

    def dispatch(self, request, *args, **kwargs):
        if request.method == "OPTIONS":
            return self.options(request)
        try:
            if request.method != "GET" and request.headers.get("Tus-Resumable") != TUS_VERSION:
                raise ProtocolError(412, f"Tus-Resumable must be {TUS_VERSION}")
            request.user = uploading_user(request)
            self.sink = sink_for(default_storage)
            return super().dispatch(request, *args, **kwargs)
        except ProtocolError as error:
            return tus_error(error)

    def options(self, request, *args, **kwargs):
        return tus_response(
            Tus_Version=TUS_VERSION,
            Tus_Extension=TUS_EXTENSIONS,
            Tus_Max_Size=max_upload_size(),
            Tus_Checksum_Algorithm=",".join(CHECKSUM_ALGORITHMS),
        )


class UploadsView(TusView):
    def post(self, request):
        if "Upload-Defer-Length" in request.headers:
            raise ProtocolError(400, "Upload-Defer-Length is not supported")
        length = header_int(request, "Upload-Length")
        metadata = parse_metadata(request.headers.get("Upload-Metadata", ""))
        upload = open_upload(request.user, length, metadata, self.sink)
        sweep_now_and_then()  # this machine's spool folder (assets/tus/cleanup.py)
        location = request.build_absolute_uri(reverse("assets:upload", args=[upload.id]))
        return tus_response(
            201, Location=location, Upload_Expires=expires_header(upload.expires_at)
        )


class UploadView(TusView):
    def head(self, request, upload_id):
        upload = self._open_or_complete(request, upload_id)
        return tus_response(
            200,
            Upload_Offset=upload.offset,
            Upload_Length=upload.length,
            Upload_Expires=expires_header(upload.expires_at),
        )

    def get(self, request, upload_id):
        """Not tus: how the upload ended, for the admin uploader and API clients."""
        upload = upload_of(request.user, upload_id)
        asset = {"type": upload.asset_type, "id": upload.asset_id} if upload.asset_id else None
        return with_tus_headers(
            JsonResponse(
                {
                    "status": upload.status,
                    "offset": upload.offset,
                    "length": upload.length,
                    "sha256": upload.sha256,
                    "error": upload.error,
                    "asset": asset,
                }
            )
        )

    def delete(self, request, upload_id):
        with upload_lock(upload_id):
            upload = self._receiving(request, upload_id)
            end_upload(upload, self.sink, error=str(_("Cancelled by the uploader.")))
        return tus_response(204)

    def patch(self, request, upload_id):
        if request.content_type != OFFSET_CONTENT_TYPE:
            raise ProtocolError(415, f"Content-Type must be {OFFSET_CONTENT_TYPE}")
        offset = header_int(request, "Upload-Offset")
        length = header_int(request, "Content-Length")
        with upload_lock(upload_id):
            upload = self._open_or_complete(request, upload_id)
            if offset != upload.offset:
                raise ProtocolError(409, f"Upload-Offset must be {upload.offset}")
            if offset + length > upload.length:
                raise ProtocolError(400, "the body goes beyond Upload-Length")
            if upload.status == UploadStatus.COMPLETE:
                return self._completed(upload)  # a retry whose first answer was lost
            if not self._receive(request, upload, length):
                raise ProtocolError(460, "Upload-Checksum does not match the body")
            if upload.offset == upload.length:
                return self._finish(upload)
        return tus_response(
            204, Upload_Offset=upload.offset, Upload_Expires=expires_header(upload.expires_at)
        )

    def _open_or_complete(self, request, upload_id):
        upload = upload_of(request.user, upload_id)
        if upload.status == UploadStatus.COMPLETE:
            upload.offset = upload.length
            return upload
        return self._receiving(request, upload_id, upload)

    def _receiving(self, request, upload_id, upload=None):
        upload = upload or upload_of(request.user, upload_id)
        if not upload.is_receiving:
            raise ProtocolError(410, str(_("This upload has ended.")))
        # Bytes on disk and in S3 are the truth, whatever an interrupted request left behind.
        upload.offset = self.sink.received(upload)
        return upload

    def _receive(self, request, upload, length: int) -> bool:
        """Append the body; False (and nothing kept) when its checksum does not match."""
        checksum = parse_checksum(request.headers.get("Upload-Checksum", ""))
        pending_before = self.sink.pending(upload)
        running = hashing.take(str(upload.id), upload.offset)
        verifier = hashlib.new(checksum[0]) if checksum else None
        observers = [h.update for h in (running, verifier) if h is not None]
        try:
            # With a checksum, parts wait until the body is verified.
            self.sink.append(
                upload, body_chunks(request, length, observers), flush_parts=checksum is None
            )
            if checksum and verifier.digest() != checksum[1]:
                self.sink.rollback(upload, pending_before)
                return False
            if checksum:
                self.sink.flush_full_part(upload)
        finally:
            upload.offset = self.sink.received(upload)
            upload.expires_at = expiry_from_now()
            _record_progress(upload)
        if running is not None:
            hashing.keep(str(upload.id), upload.offset, running)
        return True

    def _finish(self, upload):
        try:
            finalise_upload(upload, self.sink)
        except (ValidationError, StoredBytesMismatch) as error:
            message = " ".join(getattr(error, "messages", None) or [str(error)])
            end_upload(upload, self.sink, error=message)
            code = getattr(error, "code", None) or "integrity"
            response = JsonResponse({"error": message, "code": code}, status=422)
            return with_tus_headers(response, Upload_Offset=upload.offset)
        except TRANSIENT_ERRORS as error:
            logger.warning("Upload %s is whole but not stored yet: %s", upload.id, error)
            raise ProtocolError(
                503,
                str(
                    _(
                        "The file arrived whole but could not be stored yet. Ask the upload's "
                        "offset (HEAD) and send the last request again."
                    )
                ),
                "retry",
                Retry_After=RETRY_AFTER_SECONDS,
                Upload_Offset=upload.offset,
            ) from error
        response = self._completed(upload)
        response.after_sending.append(partial(drop_received_bytes, upload, self.sink))
        return response

    def _completed(self, upload):
        return tus_response(
            204,
            Upload_Offset=upload.length,
            Asset_Type=upload.asset_type,
            Asset_Id=upload.asset_id,
            Asset_Sha256=upload.sha256,
        )


def _record_progress(upload) -> None:
    """The offset and expiry in the row are a convenience (the bytes stored are the truth):
    a database too busy to take them must not fail a request whose bytes were kept."""
    try:
        upload.save(update_fields=["offset", "expires_at"])
    except DatabaseError as error:
        logger.warning("Progress of upload %s not recorded: %s", upload.id, error)


@method_decorator(csrf_exempt, name="dispatch")
class ExistingBytesView(TusView):
    def dispatch(self, request, *args, **kwargs):
        # A plain JSON endpoint beside the tus ones: no Tus-Resumable header needed.
        try:
            request.user = uploading_user(request)
        except ProtocolError as error:
            return tus_error(error)
        if request.method != "POST":
            return JsonResponse({"error": "POST only"}, status=405)
        return self.post(request)

    def post(self, request):
        try:
            sha256 = str(json.loads(request.body or b"{}").get("sha256", "")).lower()
        except (ValueError, AttributeError):
            sha256 = ""
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            return JsonResponse({"error": str(_("Send a SHA-256 as 64 hex digits."))}, status=400)
        return JsonResponse(holders_of(sha256, request.user))
