"""Starting and killing the library's real processes in tests: workers, the scheduler, the web
server. Shared by every test that needs a process (job recovery, shutdown, load); a process
inherits the test run's settings, database, storage and Redis database.

    worker = start_worker(["transcoding"], tmp_path / "worker.log")
    scheduler = start_scheduler(tmp_path / "scheduler.log", NCRL_PERIODIC_TASKS='{...}')
    ...
    kill_tree(worker)           # SIGKILL to the process and every descendant
    stop(scheduler)             # SIGTERM, then wait; returns the exit status

Each returns the `subprocess.Popen` (`.terminate()`, `.kill()`, `.wait()`); keyword arguments
are environment variables for the child.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from django.conf import settings
from django.utils import translation

ROOT = Path(__file__).resolve().parents[1]
MANAGE = [sys.executable, str(ROOT / "manage.py")]
T = TypeVar("T")


def database_url() -> str:
    """The URL of the test database this run uses, for a child process's DATABASE_URL."""
    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a child process: the test settings on this run's database and files."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(),
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PYTHONUNBUFFERED": "1",
        **extra,
    }


def queued() -> bool:
    """Whether this profile's real queue is RQ (Redis) rather than the database queue."""
    return bool(os.environ.get("REDIS_URL"))


def worker_command(*queues: str, backend: str = "queue") -> list[str]:
    """A worker on this profile's real queue: `rqworker` with Redis, `db_worker` otherwise."""
    if queued():
        return [*MANAGE, "rqworker", *queues, "--job-class", "django_tasks_rq.Job"]
    return [*MANAGE, "db_worker", "--backend", backend, "--queue-name", ",".join(queues),
            "--interval", "0.2", "--no-startup-delay"]  # fmt: skip


def scheduler_command(tick_seconds: float = 0.5) -> list[str]:
    return [*MANAGE, "scheduler", "--interval", str(tick_seconds)]


def start_worker(queues: list[str], log: Path, **env: str) -> subprocess.Popen:
    return start(worker_command(*queues), log, **env)


def start_scheduler(log: Path, tick_seconds: float = 0.5, **env: str) -> subprocess.Popen:
    return start(scheduler_command(tick_seconds), log, **env)


def start(command: list[str], log: Path, **env: str) -> subprocess.Popen:
    """Start `command` in its own session, its output appended to `log`."""
    handle = log.open("ab")
    return subprocess.Popen(
        command, cwd=ROOT, env=child_env(**env), stdout=handle, stderr=handle,
        start_new_session=True,
    )  # fmt: skip


def process_tree(root: int) -> list[int]:
    """`root` and all its descendants (RQ runs each job in a work horse; jobs run ffmpeg)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    tree, pending = [], [root]
    while pending:
        pid = pending.pop()
        tree.append(pid)
        pending += children.get(pid, [])
    return tree


def kill_tree(process: subprocess.Popen) -> None:
    """SIGKILL the process and every descendant at once, as a crash or the OOM killer would."""
    for pid in process_tree(process.pid):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            continue
    process.wait()


def stop(process: subprocess.Popen, timeout: float = 30) -> int:
    """SIGTERM, as a service manager would; the exit status (SIGKILL after `timeout`)."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        return process.wait(timeout)
    except subprocess.TimeoutExpired:
        kill_tree(process)
        raise AssertionError(f"{process.args[:4]} did not stop within {timeout} s") from None


def wait_for(condition: Callable[[], T], timeout: float, what: str, log: Path | None = None) -> T:
    """Poll `condition` until it returns something true; fail with the log's tail if it never
    does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    tail = log.read_text(errors="replace")[-3000:] if log and log.exists() else ""
    raise AssertionError(f"timed out waiting for {what}\n{tail}")


def stopped_line() -> str:
    """What `manage.py scheduler` prints when it stops cleanly (commands speak LANGUAGE_CODE)."""
    with translation.override(settings.LANGUAGE_CODE):
        return translation.gettext("Scheduler stopped.")
