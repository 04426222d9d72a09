"""Keeping jobs moving without anyone watching: run every minute or so by the scheduler.

- A running job whose worker has been silent longer than STALE_SECONDS (the worker died or its
  machine went away) is queued again, unless it has used all its attempts.
- A failed job whose `retry_at` has come is queued again.
- A waiting job whose queued task has disappeared (the queue was emptied, or the worker died
  before it started the job) is queued again.

Queuing twice is harmless: only one task can claim a job.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import TaskResultStatus, task, task_backends
from django_tasks.exceptions import TaskResultDoesNotExist

from .conf import job_setting
from .enums import JobStatus
from .models import TranscodeJob
from .notifications import notify_uploader
from .runner import stale_before
from .scheduling import enqueue_job


@dataclass
class Recovered:
    abandoned: list[int] = field(default_factory=list)  # worker died: queued again
    given_up: list[int] = field(default_factory=list)  # worker died on every attempt
    retried: list[int] = field(default_factory=list)
    lost: list[int] = field(default_factory=list)

    @property
    def queued(self) -> list[int]:
        return self.abandoned + self.retried + self.lost


def recover_jobs() -> Recovered:
    now = timezone.now()
    done = Recovered()
    _requeue_abandoned(now, done)
    _requeue_due_retries(now, done)
    _requeue_lost_tasks(now, done)
    for job_id in done.queued:
        enqueue_job(job_id)
    return done


@task()
def recover_transcoding_jobs() -> dict[str, list[int]]:
    """The periodic task (see `apps.py`): plain values in, plain values out."""
    done = recover_jobs()
    return {"queued": done.queued, "given_up": done.given_up}


def _requeue_abandoned(now: dt.datetime, done: Recovered) -> None:
    stale = Q(status=JobStatus.RUNNING, heartbeat_at__lt=stale_before(now))
    for job in TranscodeJob.objects.filter(stale).only("pk", "attempts"):
        last_attempt = job.attempts >= job_setting("MAX_ATTEMPTS")
        changed = TranscodeJob.objects.filter(stale, pk=job.pk).update(
            status=JobStatus.FAILED if last_attempt else JobStatus.PENDING,
            finished_at=now if last_attempt else None,
            error=_("The worker stopped while running this job.")
            + (" " + _("No attempts are left.") if last_attempt else ""),
        )
        if changed and last_attempt:
            done.given_up.append(job.pk)
            notify_uploader(job.pk)
        elif changed:
            done.abandoned.append(job.pk)


def _requeue_due_retries(now: dt.datetime, done: Recovered) -> None:
    due = Q(status=JobStatus.FAILED, retry_at__lte=now)
    for job_id in TranscodeJob.objects.filter(due).values_list("pk", flat=True):
        if TranscodeJob.objects.filter(due, pk=job_id).update(
            status=JobStatus.PENDING, retry_at=None
        ):
            done.retried.append(job_id)


def _requeue_lost_tasks(now: dt.datetime, done: Recovered) -> None:
    backend = task_backends[job_setting("TASK_BACKEND")]
    if not backend.supports_get_result:
        return  # tasks run at once on such a backend: none can be lost
    waited = now - dt.timedelta(seconds=job_setting("LOST_TASK_SECONDS"))
    waiting = TranscodeJob.objects.filter(status=JobStatus.PENDING).filter(
        Q(queued_at__lt=waited) | Q(queued_at__isnull=True, created_at__lt=waited)
    )
    for job_id, task_id in waiting.values_list("pk", "task_id"):
        if not _task_still_queued(backend, task_id):
            done.lost.append(job_id)


def _task_still_queued(backend, task_id: str) -> bool:
    if not task_id:
        return False
    try:
        return backend.get_result(task_id).status == TaskResultStatus.READY
    except TaskResultDoesNotExist:
        return False
