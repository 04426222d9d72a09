"""On S3, an upload's bytes go to storage while its body arrives.

The partial file in the spool folder stays as on every profile (a resumed request, another web
process of the machine, the running hash's fallback and the validators read it), and each whole
part of it is sent to an S3 multipart upload at a staging key as soon as it is written, several
parts at a time, while the request goes on reading, and on while the client sends its next
request (assets/tus/multipart.py). The last request sends the last part and any part still
missing; once the file is verified and validated the multipart upload is completed. Nothing is
read back from S3.

Where it is completed: the content key depends on the SHA-256. A client that announces it
(metadata `sha256`, as tuspy users and the API documentation do) gets its multipart upload opened
at the content key itself, completed there only once the received bytes are proven to have that
hash (a wrong announcement aborts it and writes nothing), or not sent at all when those bytes are
stored already. Without the announcement the parts go to a staging key, copied inside S3 to the
content key at the end and deleted: `make bench-upload` measured a 1 GB CopyObject on MinIO at
6.5 to 10 s, as long as sending the bytes (UploadPartCopy side by side: about the same).

A part that could not be sent (S3 out of reach) is sent again by the last request; a file that
fits in one part goes to storage at the end in one request, as SpoolSink does. An upload that
ends without an asset (DELETE, expiry, refused file) aborts its multipart upload; the bucket's
lifecycle rule aborts any that a lost machine leaves behind (README, "S3 and delivery").
"""

import logging
import mimetypes
import re

from botocore.exceptions import ClientError
from django.core.files.storage import Storage
from django.db import DatabaseError

from ..storage.links import is_remote
from ..storage.references import is_content_key
from ..storage_keys import content_key
from .multipart import (
    SEND_ERRORS,
    PartSender,
    completed_parts,
    goes_in_parts,
    part_size_for,
    parts_client,
    receipts_path,
    stop_sending,
)
from .sinks import TRANSFER, SpoolSink
from .spool import file_size

logger = logging.getLogger(__name__)


class PartsNotStored(OSError):
    """The file arrived whole but some of its parts are not in S3 yet (a retry sends them)."""


class StreamingSink(SpoolSink):
    # The first part this request's body may make whole (set by `append`, one sink per request).
    _first_new_part = 1

    @property
    def _client(self):
        # One client per process: django-storages builds a boto3 session per thread, which costs
        # seconds of CPU (the S3 service model) in each new gunicorn thread's first request.
        return parts_client(self.storage)

    def _exists(self, key: str) -> bool:
        try:
            self._client.head_object(
                Bucket=self.storage.bucket_name, Key=self.storage.object_key(key)
            )
        except ClientError as error:
            if _code(error) in {"404", "NoSuchKey", "NotFound"}:
                return False
            raise
        return True

    def append(self, upload, chunks, *, flush_parts: bool = True) -> int:
        path = self.path(upload)
        # Parts below it that are not in S3 were started by an earlier request: the last request
        # sends again those that did not arrive.
        self._first_new_part = file_size(path) // upload.part_size + 1 if upload.part_size else 1
        if not flush_parts or not self._multipart_open(upload):
            return super().append(upload, chunks)
        if not path.exists():
            self._hold(upload)
        written = 0
        sender = self._sender(upload)
        with path.open("ab") as handle:
            for chunk in chunks:
                handle.write(chunk)
                written += len(chunk)
                handle.flush()  # the part senders read the file
                sender.send_ready(handle.tell(), first=self._first_new_part)
        return written

    def flush_full_part(self, upload) -> None:
        if self._multipart_open(upload):
            sender = self._sender(upload)
            sender.send_ready(file_size(self.path(upload)), first=self._first_new_part)

    def complete(self, upload) -> None:
        if _staged(upload) or not self._multipart_open(upload):
            return
        upload.parts = self._sender(upload).finish()
        _save(upload, "parts")
        if sum(part["Size"] for part in upload.parts) != upload.length:
            raise PartsNotStored(f"upload {upload.id}: parts missing in S3")

    def store_as(self, upload, key: str) -> bool:
        if not goes_in_parts(upload) or not upload.staging_key:
            return super().store_as(upload, key)  # one part, or no part sent
        if self._exists(key):
            self.discard_staging(upload)  # the same bytes are stored already
            return False
        self._complete_multipart(upload)
        if upload.staging_key != key:
            self._copy(upload.staging_key, key)
        self.discard_staging(upload)
        return True

    def discard(self, upload) -> None:
        super().discard(upload)
        self.discard_staging(upload)
        receipts_path(self.path(upload)).unlink(missing_ok=True)

    def discard_staging(self, upload) -> None:
        """Abort the multipart upload, or delete the staging object it completed into (never a
        content key: the asset's own original, or another asset's)."""
        client, bucket = self._client, self.storage.bucket_name
        if not upload.staging_key:
            return
        stop_sending(upload.id)
        staging = self.storage.object_key(upload.staging_key)
        if upload.multipart_id:
            try:
                client.abort_multipart_upload(
                    Bucket=bucket, Key=staging, UploadId=upload.multipart_id
                )
            except ClientError as error:
                if _code(error) != "NoSuchUpload":
                    raise
        if not is_content_key(upload.staging_key):
            client.delete_object(Bucket=bucket, Key=staging)

    def _multipart_open(self, upload) -> bool:
        """Whether parts can be sent now (a multipart upload is opened when needed)."""
        if not goes_in_parts(upload) or _staged(upload):
            return False
        if upload.multipart_id:
            return True
        try:
            staging_key = _staging_key(upload)
            if is_content_key(staging_key) and self._exists(staging_key):
                return False  # stored already: the bytes only need checking here
            answer = self._client.create_multipart_upload(
                Bucket=self.storage.bucket_name,
                Key=self.storage.object_key(staging_key),
                ChecksumAlgorithm="CRC32",
                **self._object_parameters(staging_key),
            )
        except SEND_ERRORS as error:
            logger.warning("Upload %s kept on disk only for now: %s", upload.id, error)
            return False
        upload.staging_key, upload.multipart_id = staging_key, answer["UploadId"]
        upload.part_size, upload.parts = part_size_for(upload.length), []
        _save(upload, "staging_key", "multipart_id", "part_size", "parts")
        return True

    def _sender(self, upload) -> PartSender:
        return PartSender(
            self._client,
            self.storage.bucket_name,
            self.storage.object_key(upload.staging_key),
            upload.multipart_id,
            upload,
            self.path(upload),
        )

    def _complete_multipart(self, upload) -> None:
        if _staged(upload):
            return
        try:
            self._client.complete_multipart_upload(
                Bucket=self.storage.bucket_name,
                Key=self.storage.object_key(upload.staging_key),
                UploadId=upload.multipart_id,
                MultipartUpload={"Parts": completed_parts(upload.parts)},
            )
        except ClientError as error:
            # Completed by an earlier attempt whose answer was lost: the staging object is there.
            if _code(error) != "NoSuchUpload" or not self._staging_is_whole(upload):
                raise
        upload.multipart_id = ""
        _save(upload, "multipart_id")

    def _staging_is_whole(self, upload) -> bool:
        try:
            head = self._client.head_object(
                Bucket=self.storage.bucket_name, Key=self.storage.object_key(upload.staging_key)
            )
        except ClientError:
            return False
        return head["ContentLength"] == upload.length

    def _object_parameters(self, key: str) -> dict:
        parameters = self.storage.get_object_parameters(key)
        content_type, _encoding = mimetypes.guess_type(key)
        if content_type and "ContentType" not in parameters:
            parameters["ContentType"] = content_type
        return parameters

    def _copy(self, source: str, key: str) -> None:
        """A copy inside S3 (in parts, side by side, above boto3's threshold: UploadPartCopy)."""
        bucket = self.storage.bucket_name
        self._client.copy(
            {"Bucket": bucket, "Key": self.storage.object_key(source)},
            bucket,
            self.storage.object_key(key),
            ExtraArgs=self._object_parameters(key),
            Config=TRANSFER,
        )


def _staging_key(upload) -> str:
    """The content key when the client announced the SHA-256, else a key of the upload's own."""
    announced = upload.expected_sha256.lower()
    if re.fullmatch(r"[0-9a-f]{64}", announced):
        return content_key(announced, upload.filename)
    return f"uploads/{upload.id}"


def _staged(upload) -> bool:
    """The multipart upload is completed into the staging object."""
    return bool(upload.staging_key) and not upload.multipart_id


def _code(error: ClientError) -> str:
    return error.response.get("Error", {}).get("Code", "")


def _save(upload, *fields: str) -> None:
    """The row records what S3 holds; when the database is busy, S3 stays the truth (a part not
    recorded is sent again)."""
    try:
        type(upload).objects.filter(pk=upload.pk).update(**{f: getattr(upload, f) for f in fields})
    except DatabaseError as error:
        logger.warning("Parts of upload %s not recorded: %s", upload.id, error)


def sink_for(storage: Storage) -> SpoolSink:
    return StreamingSink(storage) if is_remote(storage) else SpoolSink(storage)
