"""The production profile for benchmarks, in one place: a database of the run's own on the
PostgreSQL named by DATABASE_URL, the environment a deployment gives the web server (production
settings, fail-fast variables set, the run's own data folder, S3 prefix and cache prefix), and
gunicorn started exactly as the production profile runs it (config/gunicorn.py).

    database_url = create_database(os.environ["DATABASE_URL"], "bench_upload")
    env = production_env(workdir, database_url, port=free_port(), run="bench-upload")
    manage(env, "migrate", "--no-input", "-v0")
    with running_gunicorn(env, workdir / "server.log", ready_path="/healthz") as server:
        ...                                      # server.url, server.pid
    drop_database(database_url)
"""

import contextlib
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
GUNICORN = Path(sys.executable).with_name("gunicorn")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def create_database(server_url: str, prefix: str) -> str:
    """A new database named `<prefix>_<random>` on the server; its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{server_url.rsplit('/', 1)[0]}/{name}"


def drop_database(database_url: str) -> None:
    server_url, name = database_url.rsplit("/", 1)
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_env(
    workdir: Path, database_url: str, *, run: str, port: int | None = None, **extra: str
) -> dict[str, str]:
    """The environment of a production process on this run's data: settings that fail fast
    without their variables get them; files, search index, S3 keys and cache keys of the run
    live under names of its own (`run` plus a random part), removed by the benchmark."""
    tag = f"{run}-{uuid.uuid4().hex[:8]}"
    base_url = f"http://127.0.0.1:{port}" if port else "https://testserver"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DJANGO_SECRET_KEY": f"bench-only-{uuid.uuid4().hex}",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "WAGTAILADMIN_BASE_URL": base_url,
        "DATABASE_URL": database_url,
        "NCRL_DATA_DIR": str(workdir / "data"),
        "ELASTICSEARCH_INDEX": tag,
        "AWS_LOCATION": tag.replace("-", "/", 1),
        "CACHE_KEY_PREFIX": tag,
        "DJANGO_LOG_LEVEL": "WARNING",
        # Plain HTTP on loopback, where a deployment's proxy ends TLS: no redirect to https://
        # (the benchmarks' clients would follow it to a port that speaks no TLS).
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "PYTHONUNBUFFERED": "1",
        **({"PORT": str(port)} if port else {}),
        **extra,
    }
    Path(env["NCRL_DATA_DIR"]).mkdir(parents=True, exist_ok=True)
    return env


def manage(env: dict[str, str], *args: str) -> str:
    """Run a management command with `env`; the last line it printed."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        env=env,
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )
    lines = done.stdout.strip().splitlines()
    return lines[-1] if lines else ""


@contextlib.contextmanager
def running_gunicorn(
    env: dict[str, str], log: Path, ready_path: str = "/healthz", timeout: float = 120
) -> Iterator[subprocess.Popen]:
    """gunicorn with config/gunicorn.py on env's PORT, answering `ready_path` with a 2xx before
    the block runs (`.url` is its address); stopped (SIGTERM, then SIGKILL) after it."""
    command = [str(GUNICORN), "-c", str(ROOT / "config" / "gunicorn.py"), "config.wsgi"]
    with log.open("ab") as output:
        server = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT
        )
    server.url = f"http://127.0.0.1:{env['PORT']}"
    try:
        _wait_until_up(server, ready_path, timeout, log)
        yield server
    finally:
        server.terminate()
        try:
            server.wait(timeout=90)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _wait_until_up(server: subprocess.Popen, path: str, timeout: float, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({server.returncode}):\n{_tail(log)}")
        try:
            if requests.get(server.url + path, timeout=30).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"gunicorn did not answer {path} within {timeout:.0f} s:\n{_tail(log)}")


def _tail(log: Path) -> str:
    return log.read_text(errors="replace")[-3000:] if log.exists() else ""
