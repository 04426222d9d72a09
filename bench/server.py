"""The production profile's web server for benchmarks: gunicorn with config/gunicorn.py on the
production settings, on loopback, against a PostgreSQL database of the benchmark's own.

    database_url = create_database(os.environ["DATABASE_URL"])
    env = production_env(workdir, database_url, port)
    server = start_gunicorn(env, workdir / "server.log")   # answers at server.url
    ...
    stop(server); drop_database(database_url)

Plain HTTP on loopback, so the settings that expect TLS in front (redirect to https, HSTS, secure
cookies) are off (an upload redirected to https made `make bench-upload` wait in vain). A server
that exits, or answers its liveness probe with anything but 200, fails at once with its log.
"""

import os
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT = float(os.environ.get("BENCH_SERVER_START_SECONDS", 300))


class ServerFailed(RuntimeError):
    """The server exited or answered wrongly while starting; the message holds its log's tail."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def create_database(server_url: str, prefix: str) -> str:
    """A database of the benchmark's own on the server named by `server_url`; its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(server_url, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{server_url.rsplit('/', 1)[0]}/{name}"


def drop_database(database_url: str) -> None:
    server_url, name = database_url.rsplit("/", 1)
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def production_env(workdir: Path, database_url: str, port: int, **overrides: str) -> dict:
    """The environment of a production process of this run (the caller's service variables)."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_SECRET_KEY="bench-only-secret-key-" + uuid.uuid4().hex,
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
        DJANGO_SECURE_SSL_REDIRECT="false",
        DJANGO_SECURE_COOKIES="false",
        DJANGO_HSTS_SECONDS="0",
        NCRL_DATA_DIR=str(workdir / "data"),
        NCRL_UPLOAD_SPOOL_DIR=str(workdir / "spool"),
        DATABASE_URL=database_url,
        HOST="127.0.0.1",
        PORT=str(port),
        PYTHONUNBUFFERED="1",
    )
    env.pop("DJANGO_DEBUG", None)
    return {**env, **overrides}


def manage(env: dict, *arguments: str) -> str:
    """`manage.py <arguments>` in that environment; its standard output."""
    command = [sys.executable, str(ROOT / "manage.py"), *arguments]
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise ServerFailed(f"manage.py {' '.join(arguments)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def start_gunicorn(env: dict, log: Path) -> subprocess.Popen:
    """gunicorn exactly as the production profile runs it; returns once /healthz answers 200
    (the process has `.url` and `.log`)."""
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [str(gunicorn), "-c", str(ROOT / "config" / "gunicorn.py"), "config.wsgi"]
    with log.open("ab") as output:
        server = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    server.url, server.log = f"http://{env['HOST']}:{env['PORT']}", log
    try:
        _wait_until_live(server)
    except BaseException:
        stop(server)
        raise
    return server


def _wait_until_live(server: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise ServerFailed(f"gunicorn exited with {server.returncode}\n{log_tail(server)}")
        try:
            answer = requests.get(f"{server.url}/healthz", timeout=30, allow_redirects=False)
        except requests.RequestException:
            time.sleep(0.5)
            continue
        if answer.status_code != 200:
            raise ServerFailed(
                f"/healthz answered {answer.status_code} {answer.headers.get('Location', '')}"
                f"\n{log_tail(server)}"
            )
        return
    raise ServerFailed(f"gunicorn did not answer within {START_TIMEOUT:.0f} s\n{log_tail(server)}")


def log_tail(server: subprocess.Popen, characters: int = 4000) -> str:
    return server.log.read_text(errors="replace")[-characters:]


def stop(server: subprocess.Popen, timeout: float = 90) -> None:
    """SIGTERM to gunicorn's whole process group; SIGKILL if it does not stop in time."""
    if server.poll() is None:
        os.killpg(server.pid, 15)
    try:
        server.wait(timeout)
    except subprocess.TimeoutExpired:
        os.killpg(server.pid, 9)
        server.wait(30)
