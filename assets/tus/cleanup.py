"""Expired resumable uploads go, with their bytes in transit (a task and a command use it)."""

from django.conf import settings
from django.core.files.storage import default_storage
from django_tasks import task

from .sessions import DEFAULT_EXPIRY_HOURS, remove_expired_uploads
from .sinks import sink_for, sweep_spool


def remove_expired() -> int:
    """Expired uploads (rows and, on this machine, their bytes), then partial files this machine
    holds for uploads another machine already removed."""
    removed = remove_expired_uploads(sink_for(default_storage))
    sweep_spool(getattr(settings, "NCRL_UPLOAD_EXPIRY_HOURS", DEFAULT_EXPIRY_HOURS) + 1)
    return removed


@task()
def remove_expired_uploads_task() -> int:
    return remove_expired()
