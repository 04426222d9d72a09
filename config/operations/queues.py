"""What waits in each task queue, how long the oldest has waited, and who works on it.

Both profiles: RQ on Redis (production) and django-tasks-db's table (embedded). Read by the admin
page *Reports → Background queues* and by /readyz.
"""

from dataclasses import dataclass
from datetime import UTC, datetime

import django_rq
from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max
from django_tasks_rq import RQBackend
from rq import Worker
from rq.job import Job
from rq.registry import FailedJobRegistry, ScheduledJobRegistry, StartedJobRegistry

RQ = "rq"
DATABASE = "database"
IN_PROCESS = "in-process"


@dataclass
class QueueFigures:
    name: str
    waiting: int
    oldest_enqueued_at: datetime | None
    running: int
    failed: int
    scheduled: int
    workers: int | None  # None: this backend keeps no register of its workers

    @property
    def oldest_age_seconds(self) -> float | None:
        if self.oldest_enqueued_at is None:
            return None
        return max(0.0, (timezone.now() - self.oldest_enqueued_at).total_seconds())


def backend_kind(alias: str = "default") -> str:
    try:
        backend = import_string(settings.TASKS[alias]["BACKEND"])
    except (ImportError, KeyError):  # django-tasks itself reports a backend it cannot load
        return IN_PROCESS
    if issubclass(backend, RQBackend):
        return RQ
    if issubclass(backend, DatabaseBackend):
        return DATABASE
    return IN_PROCESS


def queue_names() -> list[str]:
    return list(settings.TASKS["default"].get("QUEUES") or ["default"])


def queue_figures() -> list[QueueFigures]:
    kind = backend_kind()
    if kind == RQ:
        return [_rq_figures(name) for name in queue_names()]
    if kind == DATABASE:
        return [_database_figures(name) for name in queue_names()]
    return []


def ping_broker():
    """Raises when the queue's store does not answer; returns "off" when there is none."""
    kind = backend_kind()
    if kind == RQ:
        django_rq.get_connection(queue_names()[0]).ping()
        return None
    if kind == DATABASE:
        DBTaskResult.objects.exists()
        return None
    return "off"


def workers_per_queue() -> dict[str, int] | None:
    if backend_kind() != RQ:
        return None
    return {name: _rq_queue(name)[1] for name in queue_names()}


def _rq_queue(name: str):
    queue = django_rq.get_queue(name)
    return queue, len(Worker.all(queue=queue))


def _rq_figures(name: str) -> QueueFigures:
    queue, workers = _rq_queue(name)
    oldest = None
    first = queue.get_job_ids(0, 1)
    if first:
        job = Job.fetch(first[0], connection=queue.connection)
        oldest = _aware(job.enqueued_at)
    return QueueFigures(
        name=name,
        waiting=queue.count,
        oldest_enqueued_at=oldest,
        running=StartedJobRegistry(queue=queue).count,
        failed=FailedJobRegistry(queue=queue).count,
        scheduled=ScheduledJobRegistry(queue=queue).count,
        workers=workers,
    )


def _database_figures(name: str) -> QueueFigures:
    rows = DBTaskResult.objects.filter(queue_name=name)
    waiting = DBTaskResult.objects.ready().filter(queue_name=name)
    first = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    later = rows.filter(status="READY", run_after__gt=timezone.now()).exclude(
        run_after=get_date_max()
    )
    return QueueFigures(
        name=name,
        waiting=waiting.count(),
        oldest_enqueued_at=first,
        running=rows.filter(status="RUNNING").count(),
        failed=rows.filter(status="FAILED").count(),
        scheduled=later.count(),
        workers=None,
    )


def _aware(moment: datetime | None) -> datetime | None:
    if moment is None or timezone.is_aware(moment):
        return moment
    return moment.replace(tzinfo=UTC)
