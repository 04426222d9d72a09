"""Background tasks of the duplicates app: they take keys, never instances, and may run twice."""

from django.conf import settings
from django.db import transaction
from django_tasks import task, task_backends
from django_tasks.backends.immediate import ImmediateBackend

from .background import complete_fingerprints, finish_check
from .retries import retry_unchecked


@task(queue_name="previews")  # media work that an editor is waiting for, like posters
def fingerprint_in_background(key: str) -> str:
    return complete_fingerprints(key)


@task(queue_name="previews")
def finish_check_in_background(token: str) -> str:
    return finish_check(token)


@task()
def retry_unchecked_items() -> int:
    return retry_unchecked(enqueue_fingerprinting)


def enqueue_fingerprinting(key: str) -> None:
    _enqueue(fingerprint_in_background, key)


def enqueue_check(token: str) -> None:
    _enqueue(finish_check_in_background, token)


def _enqueue(background_task, value: str) -> None:
    """Queue once the current transaction has committed (a worker must see the row); a backend
    that runs tasks in this very process runs it now, in the transaction."""
    name = getattr(settings, "DUPLICATES_TASK_BACKEND", "default")
    queued = background_task.using(backend=name)
    if isinstance(task_backends[name], ImmediateBackend):
        queued.enqueue(value)
    else:
        transaction.on_commit(lambda: queued.enqueue(value))
