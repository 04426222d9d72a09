"""Expired resumable uploads go, with their bytes in transit (a task and a command use it).

The scheduler's periodic task (`assets.remove_expired_uploads`, hourly) removes expired uploads
and their bytes where it runs, on a worker machine. Partial files are on the disk of the web
machine that received them: each web process sweeps its own spool folder when an upload starts,
at most once an hour, so no timer per machine is needed.
"""

import threading
import time

from django.conf import settings
from django.core.files.storage import default_storage
from django_tasks import task

from .sessions import DEFAULT_EXPIRY_HOURS, remove_expired_uploads
from .sinks import sweep_spool
from .streaming import sink_for

SWEEP_EVERY_SECONDS = 3600
_sweeping = threading.Lock()
_last_sweep = {"at": float("-inf")}


def remove_expired() -> int:
    """Expired uploads (rows and, on this machine, their bytes), then partial files this machine
    holds for uploads another machine already removed."""
    removed = remove_expired_uploads(sink_for(default_storage))
    sweep_this_machine()
    return removed


def sweep_this_machine() -> int:
    """Partial files untouched for longer than an upload lives."""
    return sweep_spool(getattr(settings, "NCRL_UPLOAD_EXPIRY_HOURS", DEFAULT_EXPIRY_HOURS) + 1)


def sweep_now_and_then() -> None:
    """Sweep this machine's spool folder if the last sweep of this process is an hour old."""
    if not _sweeping.acquire(blocking=False):
        return
    try:
        if time.monotonic() - _last_sweep["at"] >= SWEEP_EVERY_SECONDS:
            _last_sweep["at"] = time.monotonic()
            sweep_this_machine()
    finally:
        _sweeping.release()


@task()
def remove_expired_uploads_task() -> int:
    return remove_expired()
