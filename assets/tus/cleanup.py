"""Expired resumable uploads go, with their bytes in transit (a task and a command use it)."""

from django.core.files.storage import default_storage
from django_tasks import task

from .sessions import remove_expired_uploads
from .sinks import sink_for


def remove_expired() -> int:
    return remove_expired_uploads(sink_for(default_storage))


@task()
def remove_expired_uploads_task() -> int:
    return remove_expired()
