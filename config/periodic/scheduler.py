"""The scheduler: every few seconds, enqueue each periodic task whose time has come.

A run is claimed with one conditional UPDATE of its `PeriodicRun` row (next_run_at <= now, moved
on by one interval), which only one scheduler can win, in SQLite as in PostgreSQL. A run whose
previous task is still waiting in the queue is skipped rather than piled up behind it.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from contextlib import suppress

from django.core.cache import cache
from django.db import DatabaseError, IntegrityError, close_old_connections
from django.db.models import F, Q
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks.exceptions import TaskResultDoesNotExist

from .models import PeriodicRun
from .registry import PeriodicTask, registered

logger = logging.getLogger(__name__)
# Readiness checks look at this key: a scheduler that stopped ticking is a scheduler that is down.
HEARTBEAT_KEY = "scheduler:heartbeat"


def tick(now: dt.datetime | None = None) -> list[str]:
    """Enqueue what is due; returns the names enqueued by this scheduler."""
    now = now or timezone.now()
    enqueued = []
    for entry in registered():
        interval = entry.interval
        if interval is None:
            continue
        try:
            if _claim(entry, interval, now) and _enqueue(entry):
                enqueued.append(entry.name)
        except DatabaseError:
            logger.warning("Periodic task %s: not scheduled this time", entry.name, exc_info=True)
    return enqueued


def run_forever(stop: threading.Event, tick_seconds: float) -> None:
    """Tick until `stop` is set (by SIGTERM or Ctrl-C in the command)."""
    names = ", ".join(entry.name for entry in registered()) or "none"
    logger.info("Scheduler started; periodic tasks: %s", names)
    while not stop.is_set():
        close_old_connections()
        for name in tick():
            logger.info("Queued periodic task %s", name)
        _beat()
        stop.wait(tick_seconds)
    close_old_connections()
    logger.info("Scheduler stopped")


def _claim(entry: PeriodicTask, interval: dt.timedelta, now: dt.datetime) -> bool:
    _ensure_row(entry.name, now)
    # Due, or set for later than one interval from now (the interval was shortened).
    due = Q(next_run_at__lte=now) | Q(next_run_at__gt=now + interval)
    return bool(
        PeriodicRun.objects.filter(due, name=entry.name).update(
            next_run_at=now + interval, last_enqueued_at=now
        )
    )


def _ensure_row(name: str, now: dt.datetime) -> None:
    if PeriodicRun.objects.filter(name=name).exists():
        return
    with suppress(IntegrityError):  # another scheduler created it first
        PeriodicRun.objects.create(name=name, next_run_at=now)


def _enqueue(entry: PeriodicTask) -> bool:
    run = PeriodicRun.objects.get(name=entry.name)
    if _still_waiting(entry, run.last_task_id):
        PeriodicRun.objects.filter(name=entry.name).update(skipped=F("skipped") + 1)
        return False
    result = entry.queued_task.enqueue()
    PeriodicRun.objects.filter(name=entry.name).update(last_task_id=result.id, runs=F("runs") + 1)
    return True


def _still_waiting(entry: PeriodicTask, task_id: str) -> bool:
    backend = entry.queued_task.get_backend()
    if not task_id or not backend.supports_get_result:
        return False
    try:
        return backend.get_result(task_id).status == TaskResultStatus.READY
    except TaskResultDoesNotExist:
        return False
    except Exception:  # noqa: BLE001 - the broker is out of reach: the scheduler must live on
        # Not knowing whether the last run still waits, skip this one rather than pile up.
        logger.warning("Periodic task %s: its queue does not answer", entry.name, exc_info=True)
        return True


def _beat() -> None:
    try:
        cache.set(HEARTBEAT_KEY, time.time(), 120)
    except Exception:  # noqa: BLE001 - a cache outage must not stop the scheduling
        logger.warning("Scheduler heartbeat not recorded", exc_info=True)
