"""Tasks are never lost to a Redis outage: while Redis is out of reach, RQ's backend writes the
task into the database instead (django-tasks-db's table, backend alias "outbox"), and
`drain_outbox` (a periodic task, every few seconds) hands what waits there to RQ once Redis
answers. So a request that enqueues (an upload that needs transcoding, a page that needs indexing)
never fails because of the broker, and no job waits for an operator.
"""

import logging

from django.db import transaction
from django_tasks import task, task_backends
from django_tasks.base import DEFAULT_TASK_PRIORITY
from django_tasks_db.models import DBTaskResult, get_date_max
from django_tasks_rq import RQBackend
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
OUTBOX = "outbox"
BROKER_DOWN = (RedisConnectionError, RedisTimeoutError)
DRAIN_BATCH = 500


class ResilientRQBackend(RQBackend):
    def enqueue(self, task, args, kwargs):
        try:
            return super().enqueue(task, args, kwargs)
        except BROKER_DOWN as error:
            logger.warning("Redis unreachable (%s): %s waits in the database", error, task.name)
            return task_backends[OUTBOX].enqueue(task.using(backend=OUTBOX), args, kwargs)


def drain_outbox(batch: int = DRAIN_BATCH) -> int:
    """Hand the tasks waiting in the database to RQ, oldest first; how many were moved."""
    moved = 0
    with transaction.atomic():
        waiting = (
            DBTaskResult.objects.select_for_update(skip_locked=True)
            .filter(backend_name=OUTBOX, status="READY")
            .order_by("enqueued_at")[:batch]
        )
        for row in waiting:
            run_after = None if row.run_after == get_date_max() else row.run_after
            queued = row.task.using(
                backend="default", priority=DEFAULT_TASK_PRIORITY, run_after=run_after
            )
            queued.enqueue(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
            row.delete()
            moved += 1
    if moved:
        logger.info("%d tasks moved from the database to RQ", moved)
    return moved


@task()
def drain_outbox_task() -> int:
    return drain_outbox()
