"""Running SHA-256 of each upload while its bytes stream in.

hashlib objects cannot be pickled, so the running hash lives in this worker's memory, keyed by
upload id and valid for one offset. After a restart, or when another worker took the request, it is
simply gone: the final SHA-256 is then computed again from the partial file on the local disk
(never from S3). Each S3 part carries a CRC32 the S3 server verifies on receipt.
"""

import hashlib
import threading

_lock = threading.Lock()
_running: dict[str, tuple[int, "hashlib._Hash"]] = {}


def start(upload_id: str) -> None:
    with _lock:
        _running[upload_id] = (0, hashlib.sha256())


def take(upload_id: str, offset: int):
    """The running hash at `offset`, removed from the registry while a request uses it."""
    with _lock:
        entry = _running.pop(upload_id, None)
    if entry is None or entry[0] != offset:
        return None
    return entry[1]


def keep(upload_id: str, offset: int, hasher) -> None:
    with _lock:
        _running[upload_id] = (offset, hasher)


def forget(upload_id: str) -> str | None:
    """Drop the running hash; return its hex digest if it was still there."""
    with _lock:
        entry = _running.pop(upload_id, None)
    return entry[1].hexdigest() if entry else None


def peek_digest(upload_id: str, offset: int) -> str | None:
    with _lock:
        entry = _running.get(upload_id)
    if entry is None or entry[0] != offset:
        return None
    return entry[1].copy().hexdigest()
