"""Stopping `make run`: SIGTERM or Ctrl-C ends the web server, the workers and the scheduler
cleanly.

Reported (issue 12): every stop ended with "Exception ignored in sys.unraisablehook" and
"make: *** [Makefile:45: run] Segmentation fault" (the recipe's shell re-entered its own
`trap 'kill 0'` until bash overflowed its stack; the worker's autoreloader parent took the
repeated signals while finalising). `make run` now hands its processes to honcho with
`Procfile.embedded`.
"""

import os
import signal
import time

import pytest
from django_tasks_db import DatabaseBackend
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from tests import processes
from tests.reliability.tasks import sleep_then_mark

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow, pytest.mark.embedded]
HONCHO_KILL_WAIT = 5  # seconds honcho waits after SIGTERM before SIGKILL
PROCFILE_PROCESSES = ("web", "encoder", "worker", "scheduler")


def embedded_env(**extra: str) -> dict[str, str]:
    """`make run`'s environment: the database queue, whatever the profile of this test run."""
    env = processes.deployment_env(**extra)
    env.pop("REDIS_URL", None)
    return env


def start_make_run_processes(tmp_path):
    port = processes.free_port()
    honcho = processes.launch(
        [str(processes.ROOT / ".venv/bin/honcho"), "-f", "Procfile.embedded", "start",
         "-p", str(port)],
        tmp_path / "honcho.log",
        embedded_env(HOST="127.0.0.1"),
    )  # fmt: skip
    honcho.url = f"http://127.0.0.1:{port}"

    def everything_up() -> bool:
        text = processes.output(honcho)
        return (
            processes.answers(honcho) and text.count("Worker ") >= 2 and "Scheduler started" in text
        )

    processes.wait_for(everything_up, 120, "make run's processes to start", honcho.log)
    return honcho


@pytest.mark.parametrize(
    ("signum", "exit_codes"),
    [(signal.SIGTERM, {0, 128 + signal.SIGTERM}), (signal.SIGINT, {0, 128 + signal.SIGINT})],
    ids=["SIGTERM", "Ctrl-C"],
)
def test_make_run_stops_cleanly(tmp_path, signum, exit_codes):
    honcho = start_make_run_processes(tmp_path)
    os.killpg(honcho.pid, signum)  # Ctrl-C reaches the terminal's foreground group: honcho
    code = honcho.wait(30)
    text = processes.output(honcho)
    assert code in exit_codes, text[-4000:]
    assert not processes.crash_lines(text), text[-4000:]
    for name in PROCFILE_PROCESSES[1:]:
        assert f"{name}.1 stopped (rc=0)" in text, text[-4000:]
    assert "web.1 stopped (rc=0)" in text or f"web.1 stopped (rc=-{signal.SIGTERM})" in text
    assert processes.process_tree(honcho.pid) == [honcho.pid]


def _enqueue_sleep(seconds: float, marker) -> str:
    """Queued in the database for the worker's "default" backend, whatever this run's queue."""
    backend = DatabaseBackend("default", {"QUEUES": ["default"]})
    return backend.enqueue(sleep_then_mark, (seconds, str(marker)), {}).id


def _status(task_id: str) -> str:
    return DBTaskResult.objects.get(pk=task_id).status


def _start_worker(tmp_path):
    worker = processes.start_procfile("worker", tmp_path / "worker.log", embedded_env())
    processes.wait_for(
        lambda: "Worker " in processes.output(worker), 60, "the worker to start", worker.log
    )
    return worker


def _stop_while_running(tmp_path, seconds: float):
    marker = tmp_path / "finished"
    task_id = _enqueue_sleep(seconds, marker)
    worker = _start_worker(tmp_path)
    try:
        processes.wait_for(
            lambda: _status(task_id) == TaskResultStatus.RUNNING, 60, "the task", worker.log
        )
        asked = time.monotonic()
        worker.send_signal(signal.SIGTERM)
        assert worker.wait(20) == 0, processes.output(worker)[-3000:]
        took = time.monotonic() - asked
    finally:
        if worker.poll() is None:
            processes.kill_tree(worker)
    assert not processes.crash_lines(processes.output(worker))
    return task_id, marker, took


def test_a_stopped_worker_puts_the_task_in_hand_back(tmp_path):
    task_id, marker, took = _stop_while_running(tmp_path, 120)
    assert took < HONCHO_KILL_WAIT + 2  # its grace period is 3 s
    assert _status(task_id) == TaskResultStatus.READY
    assert not marker.exists()


def test_a_task_that_ends_within_the_grace_period_finishes(tmp_path):
    task_id, marker, _took = _stop_while_running(tmp_path, 1.0)
    assert _status(task_id) == TaskResultStatus.SUCCESSFUL
    assert marker.read_text() == "done"


def test_an_idle_worker_stops_at_once(tmp_path):
    worker = _start_worker(tmp_path)
    asked = time.monotonic()
    worker.send_signal(signal.SIGINT)
    assert worker.wait(10) == 0, processes.output(worker)[-3000:]
    assert time.monotonic() - asked < HONCHO_KILL_WAIT
    assert not processes.crash_lines(processes.output(worker))
