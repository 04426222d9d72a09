"""`manage.py worker`: the background worker of either profile, stopping cleanly.

Embedded profile (database queue): django-tasks-db's worker on every queue; on SIGTERM or SIGINT
it takes no new task, lets the one in hand finish for `--grace` seconds, then puts it back in the
queue. Production profile (Redis): RQ's worker on the configured queues, whose warm shutdown
finishes the job in hand.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.crypto import get_random_string
from django_tasks_db import DatabaseBackend
from django_tasks_db.compat import task_backends

from config.queue.database_worker import GracefulWorker
from config.queue.stopping import leave


class Command(BaseCommand):
    help = "Run the background worker of the configured task backend"

    def add_arguments(self, parser):
        parser.add_argument("--backend", default="default", help="task backend alias")
        parser.add_argument("--queue-name", default="*", help="queues, comma-separated, or *")
        parser.add_argument("--interval", type=float, default=1.0, help="seconds between polls")
        parser.add_argument(
            "--grace", type=float, default=3.0, help="seconds the task in hand may take to finish"
        )

    def handle(self, *, backend, queue_name, interval, grace, verbosity, **options):
        if isinstance(task_backends[backend], DatabaseBackend):
            self._database_worker(backend, queue_name, interval, grace)
        else:
            queues = settings.TASKS[backend].get("QUEUES", ["default"])
            names = queues if queue_name == "*" else queue_name.split(",")
            call_command("rqworker", *names, job_class="django_tasks_rq.Job", with_scheduler=True)

    def _database_worker(self, backend: str, queue_name: str, interval: float, grace: float):
        worker = GracefulWorker(
            grace_seconds=grace,
            queue_names=queue_name.split(","),
            interval=interval,
            batch=False,
            backend_name=backend,
            startup_delay=False,
            max_tasks=None,
            worker_id=get_random_string(32),
            excluded_queue_names=[],
        )
        worker.configure_signals()
        self.stdout.write(f"Worker {worker.worker_id} on queues {queue_name} ({backend})")
        try:
            worker.run()
        except SystemExit as stopped:
            leave(stopped.code or 0)
        leave(0)
