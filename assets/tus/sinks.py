"""Where the bytes of a tus upload go while they arrive, and how they reach storage.

Every upload is received into one partial file in the spool folder on the web machine's disk
(never in memory), hashed as it streams in. On the local profile the complete, verified and
validated file is saved once under its content key. On S3 the file's parts are sent while the
body arrives (StreamingSink, assets/tus/streaming.py); a file of one part is sent at the end with
boto3's managed transfer (CRC32 checked by the S3 server on receipt). Nothing is read back from
storage.

The partial file is on the local disk of the machine that received the first bytes, and the
upload records that machine (NCRL_NODE_NAME). In a multi-machine deployment the requests of one
upload must reach it (routing by upload id, README "Running at national scale") unless the spool
folder is shared; a request that reaches another machine is refused with 409 naming the holder,
never taken for an upload that starts again from zero.
"""

import hashlib
import mimetypes
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from boto3.s3.transfer import TransferConfig
from django.core.files import File
from django.core.files.storage import Storage
from django.utils.translation import gettext_lazy as _

from ..storage.links import is_remote, s3_client
from . import hashing
from .multipart import RECEIPTS_SUFFIX
from .protocol import ProtocolError
from .spool import file_size, node_name, spool_dir, spool_path, truncate

# boto3's managed transfer: 8 MiB parts, 8 at a time (about 64 MiB of buffers at most).
TRANSFER = TransferConfig(multipart_chunksize=8 * 1024 * 1024, max_concurrency=8)


class StoredBytesMismatch(Exception):
    """What storage holds is not what was received."""


@dataclass
class ReadBack:
    """The received file, its SHA-256 and (computed only when asked) its SHA-1."""

    path: Path
    sha256: str

    @cached_property
    def sha1(self) -> str:
        # Wagtail's file_hash (images and documents only, which are small).
        return _digest(self.path, "sha1")


def _digest(path: Path, algorithm: str) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, algorithm).hexdigest()


class SpoolSink:
    """Receives into `<spool>/<upload id>.partial`; `store_as` puts the whole file in storage."""

    suffix = ".partial"

    def __init__(self, storage: Storage):
        self.storage = storage

    def path(self, upload) -> Path:
        return spool_path(upload.id, self.suffix)

    def begin(self, upload) -> None:
        """Nothing yet: the machine that receives the first bytes keeps the upload (creation
        requests may reach any machine, the upload's own URL is what routing follows)."""

    def pending(self, upload) -> int:
        return file_size(self.path(upload))

    def received(self, upload) -> int:
        path = self.path(upload)
        if not path.exists() and upload.spool_node and upload.spool_node != node_name():
            raise ProtocolError(409, str(held_elsewhere(upload.spool_node)))
        return file_size(path)

    def append(self, upload, chunks: Iterable[bytes], *, flush_parts: bool = True) -> int:
        path = self.path(upload)
        if not path.exists():
            self._hold(upload)
        written = 0
        with path.open("ab") as handle:
            for chunk in chunks:
                handle.write(chunk)
                written += len(chunk)
        return written

    def _hold(self, upload) -> None:
        upload.spool_node = node_name()
        type(upload).objects.filter(pk=upload.pk).update(spool_node=upload.spool_node)

    def rollback(self, upload, pending_before: int) -> None:
        truncate(self.path(upload), pending_before)

    def flush_full_part(self, upload) -> None:
        """Nothing to send while receiving: storage gets the whole file at the end."""

    def check_whole(self, upload) -> None:
        if file_size(self.path(upload)) != upload.length:
            raise StoredBytesMismatch("the partial file is not as long as the upload")

    def complete(self, upload) -> None:
        """Every byte sent while receiving is in storage (nothing is: `store_as` sends it all)."""

    @contextmanager
    def read_back(self, upload) -> Iterator[ReadBack]:
        """The received file; hashed again only when this process lost the running hash."""
        path = self.path(upload)
        streamed = hashing.peek_digest(str(upload.id), file_size(path))
        yield ReadBack(path, streamed or _digest(path, "sha256"))

    def store_as(self, upload, key: str) -> bool:
        """Save under `key` unless it exists; True when new bytes were written."""
        if self.storage.exists(key):
            return False
        if is_remote(self.storage):
            self._upload_to_s3(upload, key)
            return True
        with self.path(upload).open("rb") as handle:
            self.storage.save(key, File(handle, name=key))
        return True

    def _upload_to_s3(self, upload, key: str) -> None:
        parameters = self.storage.get_object_parameters(key)
        content_type, _encoding = mimetypes.guess_type(key)
        if content_type and "ContentType" not in parameters:
            parameters["ContentType"] = content_type
        s3_client(self.storage).upload_file(
            str(self.path(upload)),
            self.storage.bucket_name,
            self.storage.object_key(key),
            ExtraArgs={**parameters, "ChecksumAlgorithm": "CRC32"},
            Config=TRANSFER,
        )

    def discard(self, upload) -> None:
        self.path(upload).unlink(missing_ok=True)


def held_elsewhere(node: str):
    return _(
        "This upload is held by the machine %(node)s: its requests must reach that machine "
        "(route /assets/uploads/<id> by upload id), or every machine must share "
        "NCRL_UPLOAD_SPOOL_DIR. Try again later."
    ) % {"node": node}


def sweep_spool(max_age_hours: float) -> int:
    """Remove this machine's partial files (and their hash states and part receipts) untouched
    for `max_age_hours` (each PATCH touches them, so these belong to expired uploads, whichever
    machine removed their rows); the number of partial files removed."""
    cutoff = time.time() - max_age_hours * 3600
    removed = 0
    suffixes = (SpoolSink.suffix, hashing.STATE_SUFFIX, RECEIPTS_SUFFIX, ".tmp")
    for pattern in (f"*{suffix}" for suffix in suffixes):
        for path in spool_dir().glob(pattern):
            if _modified_before(path, cutoff):
                path.unlink(missing_ok=True)
                removed += path.suffix == SpoolSink.suffix
    return removed


def _modified_before(path: Path, cutoff: float) -> bool:
    try:
        return path.stat().st_mtime < cutoff
    except FileNotFoundError:
        return False  # gone since it was listed: a hash state renamed into place, an upload ended
