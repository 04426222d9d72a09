"""Private copies of the real servers, for tests that take a dependency down.

The servers started by `scripts/services.sh up` are shared by every test run on the machine, so no
test may stop them. A `PrivateServices` runs the same script with a state folder and ports of its
own: stopping one of these disturbs nobody. Downloads and builds come from the same cache
(~/.cache/ncrl), so a private set costs start-up time only.
"""

import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SERVICES = Path(__file__).resolve().parents[1] / "scripts" / "services.sh"
PORT_VARIABLES = {
    "pg": ["NCRL_PG_PORT"],
    "redis": ["NCRL_REDIS_PORT"],
    "es": ["NCRL_ES_PORT", "NCRL_ES_TRANSPORT_PORT"],
    "s3": ["NCRL_S3_PORT", "NCRL_S3_CONSOLE_PORT"],
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateServices:
    """`with PrivateServices("pg", "es") as servers:` starts them; leaving removes them."""

    def __init__(self, *names: str, es_heap: str = "256m", persistent_redis: bool = False):
        self.names = names
        # Directly under /tmp: PostgreSQL and Elasticsearch run as other users and must reach it.
        self.state_dir = Path(tempfile.mkdtemp(prefix="ncrl-private-", dir="/tmp"))
        self.script_env = {
            "NCRL_SERVICES_DIR": str(self.state_dir),
            "NCRL_ES_HEAP": es_heap,
            # As production's broker should be: queued tasks survive a restart.
            "NCRL_REDIS_APPENDONLY": "yes" if persistent_redis else "no",
        }
        for name in names:
            for variable in PORT_VARIABLES[name]:
                self.script_env[variable] = str(free_port())

    def __enter__(self) -> "PrivateServices":
        return self.up(*self.names)

    def up(self, *names: str) -> "PrivateServices":
        """Start some of them now (the others with a later call), stopping all on failure."""
        try:
            self.run("up", *names)
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def run(self, *args: str, timeout: float = 300) -> str:
        environment = {**os.environ, **self.script_env}
        done = subprocess.run(
            ["bash", str(SERVICES), *args],
            env=environment,
            timeout=timeout,
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise RuntimeError(f"services.sh {' '.join(args)} failed:\n{done.stderr[-3000:]}")
        return done.stdout

    def stop(self, name: str) -> None:
        self.run("stop-one", name)

    def start(self, name: str) -> None:
        self.run("start-one", name)

    def env(self) -> dict[str, str]:
        """The variables the application needs to reach these servers (those running now)."""
        variables = {}
        for line in self.run("env").splitlines():
            name, _, value = line.removeprefix("export ").partition("=")
            variables[name] = value
        return variables

    def close(self) -> None:
        try:
            self.run("down")
        finally:
            shutil.rmtree(self.state_dir, ignore_errors=True)
