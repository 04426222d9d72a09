"""Running SHA-256 of each upload while its bytes stream in.

The hash's state (assets/tus/sha256_state.py) is saved after each request in
`<spool>/<upload id>.sha256`, beside the partial file: whichever web process of the machine takes
the next request continues it, and the last request reads nothing again. The state knows how many
bytes it covers; one that does not match the upload's offset (a request cut off between writing
and saving) is dropped, and the final SHA-256 is then computed again from the partial file on the
local disk (never from S3). Where OpenSSL's SHA-256 cannot be used that way, the hash lives in
this process's memory (hashlib objects cannot be saved), with the same fallback.
"""

import hashlib
import os
import threading

from .sha256_state import STATE_SIZE, ResumableSha256, available
from .spool import spool_path

STATE_SUFFIX = ".sha256"
_lock = threading.Lock()
_running: dict[str, tuple[int, "hashlib._Hash"]] = {}


def state_path(upload_id: str):
    return spool_path(upload_id, STATE_SUFFIX)


def start(upload_id: str) -> None:
    if available():
        _save(upload_id, ResumableSha256())
        return
    with _lock:
        _running[upload_id] = (0, hashlib.sha256())


def take(upload_id: str, offset: int):
    """The running hash at `offset` (in memory: removed from the registry while a request uses
    it), or None."""
    if available():
        hasher = _load(upload_id)
        return hasher if hasher is not None and hasher.length == offset else None
    with _lock:
        entry = _running.pop(upload_id, None)
    if entry is None or entry[0] != offset:
        return None
    return entry[1]


def keep(upload_id: str, offset: int, hasher) -> None:
    if not available():
        with _lock:
            _running[upload_id] = (offset, hasher)
    elif hasher.length == offset:
        _save(upload_id, hasher)
    else:
        state_path(upload_id).unlink(missing_ok=True)


def forget(upload_id: str) -> str | None:
    """Drop the running hash; return its hex digest if it was still there."""
    with _lock:
        entry = _running.pop(upload_id, None)
    if available():
        hasher = _load(upload_id)
        state_path(upload_id).unlink(missing_ok=True)
        return hasher.hexdigest() if hasher else None
    return entry[1].hexdigest() if entry else None


def peek_digest(upload_id: str, offset: int) -> str | None:
    if available():
        hasher = take(upload_id, offset)
        return hasher.hexdigest() if hasher else None
    with _lock:
        entry = _running.get(upload_id)
    if entry is None or entry[0] != offset:
        return None
    return entry[1].copy().hexdigest()


def _load(upload_id: str) -> ResumableSha256 | None:
    try:
        state = state_path(upload_id).read_bytes()
    except FileNotFoundError:
        return None
    return ResumableSha256(state) if len(state) == STATE_SIZE else None


def _save(upload_id: str, hasher: ResumableSha256) -> None:
    """Written whole or not at all: a reader never sees half a state."""
    path = state_path(upload_id)
    partial = path.with_suffix(f".{os.getpid()}-{threading.get_ident()}.tmp")
    partial.write_bytes(hasher.state())
    os.replace(partial, path)
