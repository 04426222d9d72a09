"""Stopping `make run`: SIGTERM or Ctrl-C ends the web server and the worker cleanly.

Reported (issue 12): every stop ended with "Exception ignored in sys.unraisablehook" and
"make: *** [Makefile:45: run] Segmentation fault" (the recipe's shell re-entered its own
`trap 'kill 0'` until it overflowed; the worker's autoreloader parent took the repeated signals
while finalising). `make run` now hands both processes to honcho with `Procfile.embedded`.
"""

import signal
import time

import pytest
from django_tasks_db import DatabaseBackend
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests import processes
from tests.reliability.tasks import sleep_then_mark

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]
HONCHO_KILL_WAIT = 5  # seconds honcho waits after SIGTERM before SIGKILL


def embedded_environment(**extra: str) -> dict[str, str]:
    """`make run`'s environment: the database queue, whatever the profile of this test run."""
    env = processes.child_environment(**extra)
    env.pop("REDIS_URL", None)
    return env


def start_make_run_processes(tmp_path) -> processes.Process:
    port = processes.free_port()
    honcho = processes.start(
        "honcho",
        f"exec {processes.ROOT}/.venv/bin/honcho -f Procfile.embedded start -p {port}",
        embedded_environment(HOST="127.0.0.1"),
        tmp_path,
    )
    honcho.url = f"http://127.0.0.1:{port}"
    processes.wait_until(
        lambda: processes._answers(honcho) and "Worker " in honcho.output(),
        120,
        "the web server and the worker to start",
        honcho,
    )
    return honcho


@pytest.mark.parametrize(
    ("signum", "exit_codes"),
    [(signal.SIGTERM, {0, 128 + signal.SIGTERM}), (signal.SIGINT, {0, 128 + signal.SIGINT})],
    ids=["SIGTERM", "Ctrl-C"],
)
def test_make_run_stops_cleanly(tmp_path, signum, exit_codes):
    honcho = start_make_run_processes(tmp_path)
    honcho.signal(signum)  # Ctrl-C reaches the foreground group: make and honcho
    code = honcho.wait(30)
    output = honcho.output()
    assert code in exit_codes, honcho.tail()
    assert not processes.crash_lines(output), honcho.tail()
    assert "worker.1 stopped (rc=0)" in output, honcho.tail()
    assert "web.1 stopped (rc=0)" in output or f"web.1 stopped (rc=-{signal.SIGTERM})" in output
    assert not [pid for pid in processes.process_tree(honcho.pid) if pid != honcho.pid]


def _enqueue_sleep(seconds: float, marker) -> str:
    """Queued in the database for the worker's "default" backend, whatever this run's queue."""
    backend = DatabaseBackend("default", {"QUEUES": ["default"]})
    return backend.enqueue(sleep_then_mark, (seconds, str(marker)), {}).id


def _status(task_id: str) -> str:
    return DBTaskResult.objects.get(pk=task_id).status


def test_a_stopped_worker_puts_the_task_in_hand_back(tmp_path):
    marker = tmp_path / "finished"
    task_id = _enqueue_sleep(120, marker)
    worker = processes.start_worker(tmp_path, embedded_environment())
    try:
        processes.wait_until(
            lambda: _status(task_id) == TaskResultStatus.RUNNING, 60, "the task to start", worker
        )
        asked = time.monotonic()
        worker.signal(signal.SIGTERM, group=False)
        assert worker.wait(20) == 0, worker.tail()
        assert time.monotonic() - asked < HONCHO_KILL_WAIT + 2, worker.tail()  # grace: 3 s
        assert _status(task_id) == TaskResultStatus.READY, worker.tail()
        assert not marker.exists()
        assert not processes.crash_lines(worker.output()), worker.tail()
    finally:
        worker.stop()


def test_a_task_that_ends_within_the_grace_period_finishes(tmp_path):
    marker = tmp_path / "finished"
    task_id = _enqueue_sleep(1.0, marker)
    worker = processes.start_worker(tmp_path, embedded_environment())
    try:
        processes.wait_until(
            lambda: _status(task_id) == TaskResultStatus.RUNNING, 60, "the task to start", worker
        )
        worker.signal(signal.SIGTERM, group=False)
        assert worker.wait(20) == 0, worker.tail()
        assert _status(task_id) == TaskResultStatus.SUCCESSFUL
        assert marker.read_text() == "done"
    finally:
        worker.stop()


def test_an_idle_worker_stops_at_once(tmp_path):
    worker = processes.start_worker(tmp_path, embedded_environment())
    processes.wait_until(lambda: "Worker " in worker.output(), 60, "the worker to start", worker)
    asked = time.monotonic()
    worker.signal(signal.SIGINT, group=False)
    assert worker.wait(10) == 0, worker.tail()
    assert time.monotonic() - asked < HONCHO_KILL_WAIT, worker.tail()
    assert not processes.crash_lines(worker.output()), worker.tail()
