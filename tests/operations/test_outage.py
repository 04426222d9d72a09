"""Each dependency down in turn under a running production profile: Elasticsearch, Redis,
PostgreSQL, MinIO.

The servers are this test's own (tests/private_services.py: other ports, a temporary state
folder; the shared ones serve every other test run). The profile's processes are the Procfile's:
gunicorn, one RQ worker on every queue, the scheduler (ticking fast, maintenance every few
seconds). For each outage: /readyz names the part that is down, public pages answer without a
500, an upload in progress is refused cleanly and stays resumable, and once the server is back
everything recovers by itself: uploads become assets, queued tasks run, the index catches up.
"""

import base64
import json
import subprocess
import sys

import psycopg
import pytest
import requests
from elasticsearch import Elasticsearch

from tests.factories import mp4_bytes, pdf_bytes, png_bytes
from tests.private_services import PrivateServices

from .production import (
    ROOT,
    Started,
    free_port,
    procfile_command,
    production_env,
    readiness,
    stop_all,
    wait_for,
    wait_ready,
)

pytestmark = [pytest.mark.services, pytest.mark.slow]
INDEX = "ncrl-outage"
SETUP = """
from django.contrib.auth import get_user_model
from wagtail.models import APIToken
from cms.agencies.models import Agency
agency = Agency.objects.create(name="Cơ quan thử sự cố", code="su-co", kind="ministry")
user = get_user_model().objects.create_user("outage-editor", password="pw-outage-1234")
user.groups.add(agency.editors)
print(APIToken.create_token(user=user, name="outage")[1])
"""
# Maintenance every few seconds instead of minutes, so recovery shows within the test.
PERIODIC = {
    "operations.drain_outbox": 2,
    "search.replay_pending": 3,
    "transcoding.recover_jobs": 3,
    "search.reconcile": 0,
}


class Library:
    """The running profile as a tus client and a visitor see it."""

    def __init__(self, base_url: str, token: str):
        self.base_url, self.token = base_url, token

    def headers(self, **extra) -> dict:
        return {"Authorization": f"Bearer {self.token}", "Tus-Resumable": "1.0.0", **extra}

    def create(self, content: bytes, filename: str) -> str:
        encoded = base64.b64encode(filename.encode()).decode()
        answer = requests.post(
            f"{self.base_url}/assets/uploads/",
            headers=self.headers(**{"Upload-Length": str(len(content)),
                                    "Upload-Metadata": f"filename {encoded}"}),
            timeout=30,
        )  # fmt: skip
        assert answer.status_code == 201, answer.text
        return answer.headers["Location"]

    def patch(self, url: str, offset: int, body: bytes) -> requests.Response:
        headers = self.headers(**{"Upload-Offset": str(offset),
                                  "Content-Type": "application/offset+octet-stream"})  # fmt: skip
        return requests.patch(url, data=body, headers=headers, timeout=120)

    def offset(self, url: str) -> int:
        return int(requests.head(url, headers=self.headers(), timeout=30).headers["Upload-Offset"])

    def upload(self, content: bytes, filename: str) -> int:
        url = self.create(content, filename)
        answer = self.patch(url, 0, content)
        assert answer.status_code == 204, answer.text
        return int(answer.headers["Asset-Id"])

    def get(self, path: str) -> requests.Response:
        return requests.get(f"{self.base_url}{path}", timeout=60)


def sql(database_url: str, query: str, *params) -> list[tuple]:
    with psycopg.connect(database_url, connect_timeout=5) as connection:
        return connection.execute(query, params).fetchall()


def jobs_of(database_url: str, media_id: int) -> set[str]:
    rows = sql(
        database_url,
        "SELECT j.status FROM transcoding_transcodejob j JOIN django_content_type t "
        "ON t.id = j.content_type_id WHERE t.model = 'mediaasset' AND j.object_id = %s",
        media_id,
    )
    return {status for (status,) in rows}


def down_parts(base_url: str) -> set[str]:
    status, body = readiness(base_url)
    return set(body.get("down", [])) if status == 503 else set()


def names_down(base_url: str, part: str) -> set[str]:
    def naming() -> set[str]:
        down = down_parts(base_url)
        return down if part in down else set()

    return wait_for(naming, 60, f"/readyz naming {part}")


def no_server_error(library: Library, *paths: str) -> dict[str, int]:
    codes = {path: library.get(path).status_code for path in paths}
    assert all(code != 500 for code in codes.values()), codes
    return codes


@pytest.fixture
def profile(tmp_path, collected_static):
    """Private servers, a migrated database, the Procfile's processes; yields what tests need."""
    servers = PrivateServices("pg", "redis", "es", "s3", persistent_redis=True)
    started = []
    try:
        servers.up("pg")
        port = free_port()
        env = production_env(tmp_path / "data", port)
        env.update(servers.env())
        env.update(
            ELASTICSEARCH_INDEX=INDEX,
            AWS_LOCATION="",
            DJANGO_STATIC_ROOT=str(collected_static),
            NCRL_PERIODIC_TASKS=json.dumps(PERIODIC),
            NCRL_SCHEDULER_TICK_SECONDS="1",
            NCRL_TRANSCODE_LOST_TASK_SECONDS="10",
            ELASTICSEARCH_RETRY_AFTER_SECONDS="2",
            WEB_CONCURRENCY="2",
        )
        manage = [sys.executable, "manage.py"]
        migrate = subprocess.Popen([*manage, "migrate", "--no-input", "-v0"], cwd=ROOT, env=env)
        servers.up("redis", "s3", "es")  # Elasticsearch starts while the database migrates
        env.update(servers.env())
        assert migrate.wait(600) == 0
        subprocess.run([*manage, "configure_bucket"], cwd=ROOT, env=env, check=True, timeout=120)
        token = subprocess.run(
            [*manage, "shell", "-c", SETUP], cwd=ROOT, env=env, capture_output=True, text=True,
            check=True, timeout=300,
        ).stdout.strip().splitlines()[-1]  # fmt: skip
        # RQ's worker exits when Redis goes away in the middle of its bookkeeping; like
        # deploy/systemd/ncrl-worker@.service (Restart=always), the loop starts it again.
        worker = "trap 'exit 0' TERM; while :; do .venv/bin/python manage.py rqworker default " \
            "previews transcoding webhooks --job-class django_tasks_rq.Job --with-scheduler; " \
            "sleep 1; done"  # fmt: skip
        started += [
            Started("web", ["/bin/sh", "-c", procfile_command("web")], env, tmp_path),
            Started("worker", ["/bin/sh", "-c", worker], env, tmp_path),
            Started("scheduler", ["/bin/sh", "-c", procfile_command("scheduler")], env, tmp_path),
        ]
        base_url = f"http://127.0.0.1:{port}"
        wait_ready(base_url, started)
        yield servers, Library(base_url, token), env, started
    finally:
        stop_all(started)
        servers.close()


def test_each_dependency_down_in_turn(profile):
    servers, library, env, started = profile
    base_url, database = library.base_url, env["DATABASE_URL"]
    search = Elasticsearch(env["ELASTICSEARCH_URL"], request_timeout=10)
    first_video = library.upload(mp4_bytes(seconds=1), "truoc-su-co.mp4")
    wait_for(lambda: jobs_of(database, first_video) == {"done"}, 120, "the first video's jobs")
    library.get("/")  # kept in the page cache for the database outage below

    # Elasticsearch: search answers from the database; what changes meanwhile is replayed.
    servers.stop("es")
    assert names_down(base_url, "search") == {"search"}
    no_server_error(library, "/", "/search/?q=ban+do", "/en/")
    assert library.get("/api/search/?q=ban+do").json()["degraded"] is True
    image = library.upload(png_bytes((320, 200), color=(40, 90, 160)), "trong-su-co-es.png")
    servers.start("es")
    wait_ready(base_url, started)
    wait_for(lambda: search.exists(index=INDEX, id=f"image:{image}"), 90, "the image replayed")
    # The circuit breaker tries Elasticsearch again after its pause (2 s here).
    wait_for(lambda: not library.get("/api/search/?q=ban+do").json()["degraded"], 60, "search")

    # Redis: the cache answers empty, tasks wait in the database, then run.
    servers.stop("redis")
    assert {"cache", "broker"} <= names_down(base_url, "broker")
    no_server_error(library, "/", "/search/?q=ban+do")
    second_video = library.upload(mp4_bytes(seconds=1, frequency=660), "trong-su-co-redis.mp4")
    servers.start("redis")
    wait_ready(base_url, started)
    wait_for(lambda: jobs_of(database, second_video) == {"done"}, 180, "jobs queued during it")
    wait_for(lambda: search.exists(index=INDEX, id=f"media:{second_video}"), 180, "its index")

    # PostgreSQL: 503 with Retry-After (cached public pages still served), uploads resume.
    assert library.get("/").status_code == 200
    document = pdf_bytes(200)
    pending = library.create(document, "trong-su-co-pg.pdf")
    half = len(document) // 2
    assert library.patch(pending, 0, document[:half]).status_code == 204
    servers.stop("pg")
    assert "database" in names_down(base_url, "database")
    codes = no_server_error(library, "/", "/search/?q=ban+do")
    assert codes["/"] == 200, "the home page is served from the page cache"
    refused = library.patch(pending, half, document[half:])
    assert refused.status_code == 503 and refused.headers["Retry-After"]
    servers.start("pg")
    wait_ready(base_url, started)
    assert library.offset(pending) == half
    assert library.patch(pending, half, document[half:]).status_code == 204

    # MinIO: the bytes arrive, storing them waits; the client's retry finishes the upload.
    photo = png_bytes((500, 400), color=(160, 60, 30))
    in_flight = library.create(photo, "trong-su-co-s3.png")
    half = len(photo) // 2
    assert library.patch(in_flight, 0, photo[:half]).status_code == 204
    servers.stop("s3")
    assert "storage" in names_down(base_url, "storage")
    no_server_error(library, "/", "/search/?q=ban+do")
    last = library.patch(in_flight, half, photo[half:])
    assert last.status_code == 503, last.text
    servers.start("s3")
    wait_ready(base_url, started)
    assert library.offset(in_flight) == len(photo)
    assert library.patch(in_flight, len(photo), b"").status_code == 204

    # Nothing lost: every upload an asset, every job done, nothing failed.
    uploads = sql(database, "SELECT status FROM assets_resumableupload")
    assert [status for (status,) in uploads] == ["complete"] * 5
    for video in (first_video, second_video):
        assert jobs_of(database, video) == {"done"}
    for process in started:
        assert process.alive(), process.tail()
