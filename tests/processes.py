"""Starting and killing the library's real processes in tests: workers, the scheduler, the web
server. Shared by every test that needs a process (job recovery, shutdown, restart, load); a
process inherits the test run's settings, database, storage and Redis database.

    worker = start_worker(["transcoding"], tmp_path / "worker.log")
    scheduler = start_scheduler(tmp_path / "scheduler.log", NCRL_PERIODIC_TASKS='{...}')
    web = start_web(tmp_path / "web.log")          # answers at web.url
    encoder = start_procfile("encoder", tmp_path / "encoder.log")   # as `make run` starts it
    ...
    kill_tree(worker)           # SIGKILL to the process and every descendant
    stop(scheduler)             # SIGTERM, then wait; returns the exit status

Each returns the `subprocess.Popen` (`.terminate()`, `.kill()`, `.wait()`); keyword arguments
are environment variables for the child. `child_env` runs children on the test settings;
`deployment_env` as a deployment runs them (the profile's settings and real task queue, DEBUG
off), which the web server and the processes of `Procfile.embedded` need.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import requests
from django.conf import settings
from django.utils import translation

ROOT = Path(__file__).resolve().parents[1]
MANAGE = [sys.executable, str(ROOT / "manage.py")]
EMBEDDED_PROCFILE = ROOT / "Procfile.embedded"
CRASH_MARKERS = ("Segmentation fault", "Fatal Python error", "core dumped", "Exception ignored in")
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


def deployment_env(**extra: str) -> dict[str, str]:
    """The environment of a process run as a deployment runs it, on this run's data: the
    profile's settings (tasks go to the real queue, not run in the request), DEBUG off."""
    return child_env(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DJANGO_DEBUG="0",
        NCRL_UPLOAD_SPOOL_DIR=str(settings.NCRL_UPLOAD_SPOOL_DIR),
        PYTHONFAULTHANDLER="1",  # a native crash prints every thread's stack
        **extra,
    )


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
    return launch(command, log, child_env(**env))


def launch(command: list[str], log: Path, env: dict[str, str]) -> subprocess.Popen:
    """Start `command` with exactly `env`, in its own session (a signal to the group reaches
    what it starts), its output appended to `log` (kept as `process.log`)."""
    with log.open("ab") as handle:
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=handle, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    process.log = log
    return process


def procfile_command(name: str, procfile: Path = EMBEDDED_PROCFILE) -> str:
    for line in procfile.read_text().splitlines():
        match = re.match(rf"^{re.escape(name)}:\s*(.+)$", line)
        if match:
            return match.group(1)
    raise LookupError(f"no process {name!r} in {procfile}")


def start_procfile(name: str, log: Path, env: dict[str, str] | None = None) -> subprocess.Popen:
    """A process of `Procfile.embedded`, started with the command `make run` gives it."""
    return launch(["/bin/sh", "-c", procfile_command(name)], log, env or deployment_env())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_web(log: Path, server: str = "runserver", env: dict[str, str] | None = None):
    """The web server on a free loopback port, answering at `.url` before this returns:
    `runserver` as `make run` starts it, or `gunicorn` as production does."""
    port = free_port()
    env = {**(env or deployment_env()), "PORT": str(port), "HOST": "127.0.0.1"}
    if server == "gunicorn":
        command = [str(ROOT / ".venv" / "bin" / "gunicorn"), "config.wsgi:application",
                   "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4",
                   "--timeout", "300", "--graceful-timeout", "20"]  # fmt: skip
        process = launch(command, log, env)
    else:
        process = launch(["/bin/sh", "-c", procfile_command("web")], log, env)
    process.url = f"http://127.0.0.1:{port}"
    wait_for(lambda: answers(process), 120, "the web server to answer", log)
    return process


def answers(process: subprocess.Popen) -> bool:
    if process.poll() is not None:
        raise AssertionError(f"exited with {process.returncode}\n{output(process)[-3000:]}")
    try:
        requests.get(f"{process.url}/assets/uploads/", timeout=5)
    except requests.RequestException:
        return False
    return True


def output(process: subprocess.Popen) -> str:
    return process.log.read_text(errors="replace") if process.log.exists() else ""


def crash_lines(text: str) -> list[str]:
    """Lines of a process's output that tell of a native crash or an unclean interpreter exit."""
    return [line for line in text.splitlines() if any(m in line for m in CRASH_MARKERS)]


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
