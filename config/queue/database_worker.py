"""django-tasks-db's worker, stopping cleanly (stopping.py) and returning an interrupted task."""

import logging

from django.db import transaction
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from .stopping import StopRequest, WorkerStopping

logger = logging.getLogger(__name__)
STOPPING_PATH = f"{WorkerStopping.__module__}.{WorkerStopping.__qualname__}"


class GracefulWorker(Worker):
    def __init__(self, *, grace_seconds: float, **options):
        super().__init__(**options)
        self.stop = StopRequest(grace_seconds)

    def configure_signals(self) -> None:
        self.stop.install(on_idle_stop=self._stop_now)

    def _stop_now(self) -> None:
        self.running = False
        raise SystemExit(0)  # idle: polling or sleeping; a claim in progress rolls back

    def run_task(self, db_task_result: DBTaskResult) -> None:
        self.stop.task_started()
        try:
            super().run_task(db_task_result)
        finally:
            self.stop.task_ended()
        if self.stop.requested:
            self.running = False
        if db_task_result.exception_class_path == STOPPING_PATH:
            return_to_queue(db_task_result)


def return_to_queue(db_task_result: DBTaskResult) -> None:
    """The interrupted task is ready again, for this worker's successor or another worker."""
    with transaction.atomic():
        DBTaskResult.objects.filter(pk=db_task_result.pk).update(
            status=TaskResultStatus.READY,
            started_at=None,
            finished_at=None,
            exception_class_path="",
            traceback="",
        )
    logger.warning("Task %s went back to the queue", db_task_result.pk)
