"""Where the bytes of a tus upload go while they arrive, and how they are read back.

`LocalSink` appends to a partial file in the spool folder (embedded profile). `S3MultipartSink`
opens one S3 multipart upload per tus upload and buffers each part in a spool file on disk (never
in memory) until it reaches the part size; parts carry a SHA-256 checksum that the S3 server
checks. The part buffer is on the local disk of the worker, so in a multi-machine deployment the
PATCH requests of one upload must reach the same machine (sticky routing by upload id).
"""

import base64
import hashlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from botocore.exceptions import ClientError
from django.core.files import File
from django.core.files.storage import Storage

from ..storage.links import is_remote, s3_client
from .spool import COPY_CHUNK, file_size, part_size_for, spool_path, truncate


class StoredBytesMismatch(Exception):
    """What storage holds is not what was received."""


@dataclass
class ReadBack:
    """A local file holding the stored bytes, and their digests."""

    path: Path
    sha256: str
    sha1: str


def _append_chunks(path: Path, chunks: Iterable[bytes], on_full=None, limit: int = 0) -> int:
    """Append to `path`; when it holds `limit` bytes, `on_full` sends and empties it."""
    written, pending = 0, file_size(path)
    with path.open("ab") as handle:
        for chunk in chunks:
            handle.write(chunk)
            written += len(chunk)
            pending += len(chunk)
            if on_full is not None and pending >= limit:
                handle.flush()
                on_full()
                pending = 0
    return written


def _hash_into(source, target) -> tuple[str, str]:
    sha256, sha1 = hashlib.sha256(), hashlib.sha1()
    while chunk := source.read(COPY_CHUNK):
        sha256.update(chunk)
        sha1.update(chunk)
        if target is not None:
            target.write(chunk)
    return sha256.hexdigest(), sha1.hexdigest()


class LocalSink:
    suffix = ".partial"

    def __init__(self, storage: Storage):
        self.storage = storage

    def path(self, upload) -> Path:
        return spool_path(upload.id, self.suffix)

    def begin(self, upload) -> None:
        self.path(upload).touch()

    def pending(self, upload) -> int:
        return file_size(self.path(upload))

    def received(self, upload) -> int:
        return self.pending(upload)

    def append(self, upload, chunks: Iterable[bytes], *, flush_parts: bool) -> int:
        return _append_chunks(self.path(upload), chunks)

    def rollback(self, upload, pending_before: int) -> None:
        truncate(self.path(upload), pending_before)

    def flush_full_part(self, upload) -> None:
        """Nothing to send: the partial file is the storage."""

    def complete(self, upload) -> None:
        if file_size(self.path(upload)) != upload.length:
            raise StoredBytesMismatch("the partial file is not as long as the upload")

    @contextmanager
    def read_back(self, upload) -> Iterator[ReadBack]:
        path = self.path(upload)
        with path.open("rb") as handle:
            sha256, sha1 = _hash_into(handle, None)
        yield ReadBack(path, sha256, sha1)

    def store_as(self, upload, key: str) -> bool:
        """Save under `key` unless it exists; True when new bytes were written."""
        if self.storage.exists(key):
            return False
        with self.path(upload).open("rb") as handle:
            self.storage.save(key, File(handle, name=key))
        return True

    def discard(self, upload) -> None:
        self.path(upload).unlink(missing_ok=True)


class S3MultipartSink:
    suffix = ".part"

    def __init__(self, storage: Storage):
        self.storage = storage
        self.client = s3_client(storage)
        self.bucket = storage.bucket_name

    def buffer(self, upload) -> Path:
        return spool_path(upload.id, self.suffix)

    def begin(self, upload) -> None:
        upload.staging_key = f"uploads/{upload.id}"
        upload.part_size = part_size_for(upload.length)
        response = self.client.create_multipart_upload(
            Bucket=self.bucket, Key=self._key(upload.staging_key), ChecksumAlgorithm="SHA256"
        )
        upload.multipart_id = response["UploadId"]
        self.buffer(upload).touch()

    def pending(self, upload) -> int:
        return file_size(self.buffer(upload))

    def received(self, upload) -> int:
        """Bytes in S3 parts plus bytes in the part buffer: the tus offset."""
        return sum(part["Size"] for part in upload.parts) + self.pending(upload)

    def append(self, upload, chunks: Iterable[bytes], *, flush_parts: bool) -> int:
        on_full = (lambda: self._send_part(upload)) if flush_parts else None
        return _append_chunks(self.buffer(upload), chunks, on_full, upload.part_size)

    def rollback(self, upload, pending_before: int) -> None:
        truncate(self.buffer(upload), pending_before)

    def flush_full_part(self, upload) -> None:
        if self.pending(upload) >= upload.part_size:
            self._send_part(upload)

    def _send_part(self, upload) -> None:
        path = self.buffer(upload)
        size = file_size(path)
        number = len(upload.parts) + 1
        with path.open("rb") as handle:
            checksum = base64.b64encode(hashlib.file_digest(handle, "sha256").digest()).decode()
            handle.seek(0)
            response = self.client.upload_part(
                Bucket=self.bucket,
                Key=self._key(upload.staging_key),
                UploadId=upload.multipart_id,
                PartNumber=number,
                Body=handle,
                ContentLength=size,
                ChecksumSHA256=checksum,
            )
        # Empty the buffer before recording the part: a crash in between loses the record, the
        # client resends from the lower offset and the part with the same number is replaced.
        truncate(path, 0)
        part = {"PartNumber": number, "ETag": response["ETag"], "ChecksumSHA256": checksum}
        upload.parts.append({**part, "Size": size})
        type(upload).objects.filter(pk=upload.pk).update(parts=upload.parts)

    def complete(self, upload) -> None:
        """Join the parts into the staging object; a retry after it was joined changes nothing."""
        if upload.multipart_id:
            if self.pending(upload) or not upload.parts:
                self._send_part(upload)
            self._complete_multipart(upload)
            upload.multipart_id = ""
            type(upload).objects.filter(pk=upload.pk).update(multipart_id="")
        self._check_part_checksums(upload)

    def _complete_multipart(self, upload) -> None:
        parts = [{k: v for k, v in part.items() if k != "Size"} for part in upload.parts]
        try:
            self.client.complete_multipart_upload(
                Bucket=self.bucket,
                Key=self._key(upload.staging_key),
                UploadId=upload.multipart_id,
                MultipartUpload={"Parts": parts},
            )
        except ClientError as error:
            # Joined by an earlier attempt whose record was lost: the object's checks decide.
            if error.response.get("Error", {}).get("Code") != "NoSuchUpload":
                raise

    def _check_part_checksums(self, upload) -> None:
        """S3 keeps a checksum of the part checksums: it must be the one of the parts we sent."""
        head = self.client.head_object(
            Bucket=self.bucket, Key=self._key(upload.staging_key), ChecksumMode="ENABLED"
        )
        if head["ContentLength"] != upload.length:
            raise StoredBytesMismatch("the stored object is not as long as the upload")
        stored = head.get("ChecksumSHA256")
        if not stored:
            return
        digests = b"".join(base64.b64decode(part["ChecksumSHA256"]) for part in upload.parts)
        expected = base64.b64encode(hashlib.sha256(digests).digest()).decode()
        if stored.split("-")[0] != expected:
            raise StoredBytesMismatch("the stored parts are not the parts that were sent")

    @contextmanager
    def read_back(self, upload) -> Iterator[ReadBack]:
        """Stream the stored object into a spool file (disk), hashing it on the way."""
        path = spool_path(upload.id, ".readback")
        try:
            body = self.client.get_object(Bucket=self.bucket, Key=self._key(upload.staging_key))
            with path.open("wb") as target:
                sha256, sha1 = _hash_into(body["Body"], target)
            yield ReadBack(path, sha256, sha1)
        finally:
            path.unlink(missing_ok=True)

    def store_as(self, upload, key: str) -> bool:
        """Copy the staging object to `key` inside S3 unless it exists; True when new."""
        if self.storage.exists(key):
            return False
        source = {"Bucket": self.bucket, "Key": self._key(upload.staging_key)}
        self.client.copy(source, self.bucket, self._key(key))
        return True

    def discard(self, upload) -> None:
        if upload.multipart_id:
            self.client.abort_multipart_upload(
                Bucket=self.bucket,
                Key=self._key(upload.staging_key),
                UploadId=upload.multipart_id,
            )
        if upload.staging_key:
            self.client.delete_object(Bucket=self.bucket, Key=self._key(upload.staging_key))
        self.buffer(upload).unlink(missing_ok=True)

    def _key(self, name: str) -> str:
        return self.storage.object_key(name)


def sink_for(storage: Storage):
    return S3MultipartSink(storage) if is_remote(storage) else LocalSink(storage)
