"""Background tasks of the duplicates app: they take keys, never instances, and may run twice."""

from django.conf import settings
from django.db import transaction
from django_tasks import task, task_backends
from django_tasks.backends.immediate import ImmediateBackend

from .background import complete_fingerprints
from .retries import retry_unchecked


@task(queue_name="previews")  # media work that an editor is waiting for, like posters
def fingerprint_in_background(key: str) -> str:
    return complete_fingerprints(key)


@task()
def retry_unchecked_items() -> int:
    return retry_unchecked(enqueue_fingerprinting)


def enqueue_fingerprinting(key: str) -> None:
    """Queue the background part once the current transaction has committed (a worker must see
    the row); a backend that runs tasks in this very process runs it now, in the transaction."""
    name = getattr(settings, "DUPLICATES_TASK_BACKEND", "default")
    queued = fingerprint_in_background.using(backend=name)
    if isinstance(task_backends[name], ImmediateBackend):
        queued.enqueue(key)
    else:
        transaction.on_commit(lambda: queued.enqueue(key))
