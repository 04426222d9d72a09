"""One request at a time may change an upload (PATCH, DELETE); another one answers 423 Locked.

Without it two PATCHes at the same offset both append and the upload is lost. The lock must be
released by a dying process, never left behind:
- PostgreSQL: a session-level advisory lock, held by the request's connection (several machines
  share it; the server drops it when the connection ends).
- SQLite: the database is one file on one machine, so an flock on a file beside the spool folder
  serves every process using it; the kernel drops it when the process ends.
"""

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

from django.db import DatabaseError, connections, router
from django.utils.translation import gettext_lazy as _

from ..models import ResumableUpload
from .protocol import ProtocolError
from .spool import spool_dir


class UploadBusy(ProtocolError):
    def __init__(self):
        super().__init__(
            423,
            str(_("Another request is sending to this upload; ask its offset again shortly.")),
            "upload_busy",
            Retry_After=1,
        )


@contextmanager
def upload_lock(upload_id):
    """Hold the upload for this request, or raise UploadBusy at once (no waiting)."""
    connection = connections[router.db_for_write(ResumableUpload)]
    if connection.vendor == "postgresql":
        with _advisory_lock(connection, upload_id):
            yield
    else:
        with _file_lock(spool_dir() / "locks" / f"{upload_id}.lock"):
            yield


def _advisory_key(upload_id) -> int:
    """A signed 64-bit key from the upload's UUID (collisions would only cost a spurious 423)."""
    return int.from_bytes(upload_id.bytes[:8], "big", signed=True)


@contextmanager
def _advisory_lock(connection, upload_id):
    key = _advisory_key(upload_id)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        if not cursor.fetchone()[0]:
            raise UploadBusy()
    try:
        yield
    finally:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
        except DatabaseError:
            connection.close()  # the server releases a session's locks when it ends


@contextmanager
def _file_lock(path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("a")
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise UploadBusy() from None
        if not _still_linked(handle, path):
            raise UploadBusy()  # its holder removed it as we opened it: it was busy a moment ago
        try:
            yield
        finally:
            path.unlink(missing_ok=True)  # while still holding it, so nobody locks a stale file
    finally:
        handle.close()


def _still_linked(handle, path: Path) -> bool:
    try:
        return os.stat(path).st_ino == os.fstat(handle.fileno()).st_ino
    except FileNotFoundError:
        return False
