"""The production profile started as an operator starts it, for tests: `scripts/prod.sh` (what
`make prod` runs: checks, migrations, static files, then the Procfile under honcho), or single
processes of the Procfile, against this test run's own database, Redis database, Elasticsearch
index and S3 prefix (config/settings/test.py), so concurrent runs never meet.

Tests using it are `django_db(transaction=True)`: the processes see the rows the test commits.
"""

import os
import re
import signal
import subprocess
import time
from pathlib import Path

import requests
from django.conf import settings

from tests.private_services import free_port
from tests.processes import ROOT, database_url, wait_for

PROCFILE = ROOT / "Procfile"


def production_env(data_dir: Path, port: int, **overrides: str) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        # The test's own key: API tokens it makes (HMAC of the key) are valid there too.
        DJANGO_SECRET_KEY=settings.SECRET_KEY,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SECURE_COOKIES="false",
        DJANGO_HSTS_SECONDS="0",
        DATABASE_URL=database_url(),
        NCRL_DATA_DIR=str(data_dir),
        NCRL_UPLOAD_SPOOL_DIR=str(data_dir / "uploads"),
        NCRL_PROD_DEMO="0",
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY="2",
        PYTHONUNBUFFERED="1",
    )
    env.pop("DJANGO_DEBUG", None)
    return {**env, **overrides}


class Started:
    """A process group started for a test; `stop()` sends SIGTERM to all of it."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], log_dir: Path):
        self.name, self.log = name, log_dir / f"{name}.log"
        with self.log.open("ab") as output:
            self.popen = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def alive(self) -> bool:
        return self.popen.poll() is None

    def terminate(self) -> None:
        if self.alive():
            os.killpg(self.popen.pid, signal.SIGTERM)

    def stop(self, timeout: float = 90) -> int:
        self.terminate()
        try:
            return self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.popen.pid, signal.SIGKILL)
            self.popen.wait(30)
            raise

    def kill(self) -> None:
        os.killpg(self.popen.pid, signal.SIGKILL)
        self.popen.wait(30)

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def tail(self, characters: int = 5000) -> str:
        return f"--- {self.name} ---\n{self.output()[-characters:]}"

    def around(self, marker: str, characters: int = 5000) -> str:
        """The output from a little before `marker`'s first line on (a traceback, say)."""
        output = self.output()
        start = max(output.find(marker) - 500, 0)
        return f"--- {self.name} ---\n{output[start : start + characters]}"


def stop_all(started: list[Started], timeout: float = 30) -> None:
    """SIGTERM to every process at once, then wait for each (stopping one by one adds up)."""
    for process in started:
        process.terminate()
    for process in started:
        process.stop(timeout)


def procfile_command(name: str) -> str:
    for line in PROCFILE.read_text().splitlines():
        match = re.match(rf"^{re.escape(name)}:\s*(.+)$", line)
        if match:
            return match.group(1)
    raise LookupError(name)


def start_process(
    name: str, env: dict[str, str], log_dir: Path, procfile_name: str = ""
) -> Started:
    """One process of the Procfile (`web`, `worker_light`...) as honcho would start it."""
    command = procfile_command(procfile_name or name)
    return Started(name, ["/bin/sh", "-c", command], env, log_dir)


def start_prod(env: dict[str, str], log_dir: Path) -> Started:
    return Started("prod", ["bash", str(ROOT / "scripts" / "prod.sh")], env, log_dir)


def readiness(base_url: str) -> tuple[int, dict]:
    try:
        answer = requests.get(f"{base_url}/readyz", timeout=15)
    except requests.RequestException:
        return 0, {}
    try:
        return answer.status_code, answer.json()
    except ValueError:
        return answer.status_code, {}


def wait_ready(base_url: str, started: list[Started], timeout: float = 240) -> dict:
    """Until /readyz answers 200; fails at once when a process died, showing its output."""
    deadline = time.monotonic() + timeout
    body: dict = {}
    while time.monotonic() < deadline:
        for process in started:
            assert process.alive(), process.tail()
        status, body = readiness(base_url)
        if status == 200:
            return body
        time.sleep(1)
    tails = "\n".join(process.tail() for process in started)
    raise AssertionError(f"not ready after {timeout} s: {body}\n{tails}")


__all__ = ["free_port", "wait_for"]
