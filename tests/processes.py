"""Real processes for tests: the web server and the worker, started as deployments start them.

The commands come from the Procfiles (`Procfile.embedded` is what `make run` supervises), so a
test kills and restarts exactly what users run. Children share the test's database (the test
must be `django_db(transaction=True)` so that they see its rows), media folder, spool folder and
the run's service names (Elasticsearch index, S3 prefix, Redis database), and write their output
to a log file that a failed assertion shows.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
EMBEDDED_PROCFILE = ROOT / "Procfile.embedded"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def database_url() -> str:
    """The URL of the database this test uses (pytest-django's test database)."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def child_environment(**extra: str) -> dict[str, str]:
    """The environment of a deployment sharing this test's data: the profile's own settings
    (queued tasks, not the test settings' immediate ones), DEBUG off."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DJANGO_DEBUG": "0",
        "DATABASE_URL": database_url(),
        "DJANGO_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "NCRL_UPLOAD_SPOOL_DIR": str(settings.NCRL_UPLOAD_SPOOL_DIR),
        "PYTHONFAULTHANDLER": "1",  # a native crash prints every thread's stack
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("PYTEST_CURRENT_TEST", None)
    return {**env, **extra}


def procfile_command(name: str, procfile: Path = EMBEDDED_PROCFILE) -> str:
    for line in procfile.read_text().splitlines():
        match = re.match(rf"^{re.escape(name)}:\s*(.+)$", line)
        if match:
            return match.group(1)
    raise LookupError(f"no process {name!r} in {procfile}")


@dataclass
class Process:
    """One started process (its own process group, so a signal reaches its children too)."""

    name: str
    popen: subprocess.Popen
    log: Path
    url: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def alive(self) -> bool:
        return self.popen.poll() is None

    def signal(self, signum: int = signal.SIGTERM, group: bool = True) -> None:
        if not self.alive():
            return
        if group:
            os.killpg(self.popen.pid, signum)
        else:
            self.popen.send_signal(signum)

    def terminate(self) -> None:
        self.signal(signal.SIGTERM)

    def kill(self) -> None:
        """SIGKILL to the process and everything it started (as a crash or the OOM killer)."""
        for pid in process_tree(self.popen.pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                continue
        self.popen.wait(timeout=30)

    def wait(self, timeout: float = 30) -> int:
        return self.popen.wait(timeout=timeout)

    def stop(self, timeout: float = 15) -> int:
        """SIGTERM, then SIGKILL if it is still there after `timeout` seconds."""
        self.terminate()
        try:
            return self.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            return self.popen.returncode

    def tail(self, characters: int = 4000) -> str:
        return f"--- {self.name} ({self.log}) ---\n{self.output()[-characters:]}"


def start(name: str, command: str, env: dict[str, str], log_dir: Path) -> Process:
    log = log_dir / f"{name}.log"
    handle = log.open("ab")
    popen = subprocess.Popen(
        ["/bin/sh", "-c", command],
        cwd=ROOT,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    handle.close()
    return Process(name, popen, log)


def start_web(log_dir: Path, env: dict[str, str] | None = None, server: str = "runserver"):
    """The web server on a free loopback port, answering before this returns.

    `runserver` is the command of `make run`; `gunicorn` serves the production profile.
    """
    port = free_port()
    env = {**(env or child_environment()), "PORT": str(port), "HOST": "127.0.0.1"}
    if server == "gunicorn":
        command = (
            f"exec {ROOT}/.venv/bin/gunicorn config.wsgi:application --bind 127.0.0.1:{port} "
            "--workers 2 --threads 4 --timeout 300 --graceful-timeout 20"
        )
    else:
        command = procfile_command("web")
    process = start(f"web-{port}", command, env, log_dir)
    process.url = f"http://127.0.0.1:{port}"
    wait_until(lambda: _answers(process), 90, "the web server to answer", process)
    return process


def start_worker(log_dir: Path, env: dict[str, str] | None = None, name: str = "worker"):
    return start(name, procfile_command("worker"), env or child_environment(), log_dir)


def _answers(process: Process) -> bool:
    if not process.alive():
        raise AssertionError(f"{process.name} exited with {process.popen.returncode}\n"
                             f"{process.tail()}")  # fmt: skip
    try:
        requests.get(f"{process.url}/assets/uploads/", timeout=2)
    except requests.ConnectionError:
        return False
    return True


def wait_until(condition, timeout: float, what: str, *processes: Process):
    """Poll `condition` until it is truthy; on timeout fail with the processes' output."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    logs = "\n".join(process.tail() for process in processes)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}\n{logs}")


def process_tree(root: int) -> list[int]:
    """`root` and all its descendants, found through /proc (work horses start new sessions)."""
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


CRASH_MARKERS = ("Segmentation fault", "Fatal Python error", "core dumped", "Exception ignored in")


def crash_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if any(m in line for m in CRASH_MARKERS)]
