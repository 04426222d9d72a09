"""Two web servers and two workers on one production profile (this run's PostgreSQL database,
Redis database, Elasticsearch index and S3 prefix), as two machines behind a load balancer
would run them: each web server has its own spool folder and node name.

Uploads finish on either server and a resumed upload that reaches the wrong one is refused
naming the holder; the jobs are shared by the two workers and each runs once; the rate limit of
a consumer is one budget across both servers; a page cached by one is served by the other, and a
change made through one empties it for both. Requests carry one host name, as a load balancer in
front of the two sends them (the page cache keys on the address asked for, Wagtail's sites on its
host name).
"""

import base64

import pytest
import requests
from django.contrib.contenttypes.models import ContentType

from assets.models import ImageAsset, MediaAsset
from config.operations import page_cache
from tests.api.conftest import consumer_token
from tests.api.windows import start_of_a_fresh_window
from tests.factories import hub_site, mp4_bytes, png_bytes
from tests.storage.conftest import token_for
from transcoding.enums import JobStatus
from transcoding.models import TranscodeJob

from .production import (
    Started,
    free_port,
    procfile_command,
    production_env,
    stop_all,
    wait_for,
    wait_ready,
)

pytestmark = [pytest.mark.services, pytest.mark.slow, pytest.mark.django_db(transaction=True)]
WORKER = (
    "exec .venv/bin/python manage.py rqworker default previews transcoding webhooks "
    "--job-class django_tasks_rq.Job --with-scheduler --name {name}"
)


PUBLIC_HOST = "localhost"


class Server:
    def __init__(self, base_url: str, token: str):
        self.base_url, self.token = base_url, token

    def page(self, path: str) -> requests.Response:
        """An anonymous visitor's request, as the load balancer forwards it."""
        answer = requests.get(f"{self.base_url}{path}", headers={"Host": PUBLIC_HOST}, timeout=60)
        assert answer.status_code == 200, answer.status_code
        return answer

    def tus(self, **extra) -> dict:
        return {"Authorization": f"Bearer {self.token}", "Tus-Resumable": "1.0.0", **extra}

    def create(self, length: int, filename: str) -> str:
        metadata = f"filename {base64.b64encode(filename.encode()).decode()}"
        answer = requests.post(
            f"{self.base_url}/assets/uploads/",
            headers=self.tus(**{"Upload-Length": str(length), "Upload-Metadata": metadata}),
            timeout=30,
        )
        assert answer.status_code == 201, answer.text
        return answer.headers["Location"].split("/assets/uploads/", 1)[1]

    def patch(self, upload: str, offset: int, body: bytes) -> requests.Response:
        headers = self.tus(
            **{"Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream"}
        )
        return requests.patch(
            f"{self.base_url}/assets/uploads/{upload}", data=body, headers=headers, timeout=120
        )

    def upload(self, content: bytes, filename: str) -> int:
        answer = self.patch(self.create(len(content), filename), 0, content)
        assert answer.status_code == 204, answer.text
        return int(answer.headers["Asset-Id"])


@pytest.fixture
def two_of_each(tmp_path, collected_static, editor_a):
    # A transactional test starts from a flushed database: the home page the data migration made
    # is gone unless this test happens to run first (it then answered 404, never kept).
    hub_site()
    started, servers = [], []
    try:
        for name in ("web-a", "web-b"):
            port = free_port()
            env = production_env(
                tmp_path / name,
                port,
                NCRL_NODE_NAME=name,
                DJANGO_STATIC_ROOT=str(collected_static),
                WEB_CONCURRENCY="1",
            )
            started.append(Started(name, ["/bin/sh", "-c", procfile_command("web")], env, tmp_path))
            servers.append(Server(f"http://127.0.0.1:{port}", token_for(editor_a)))
        for name in ("worker-1", "worker-2"):
            command = WORKER.format(name=f"{name}-{free_port()}")
            started.append(Started(name, ["/bin/sh", "-c", command], env, tmp_path))
        scheduler = ["/bin/sh", "-c", procfile_command("scheduler")]
        started.append(Started("scheduler", scheduler, env, tmp_path))
        for server in servers:
            wait_ready(server.base_url, started)
        yield servers, started
    finally:
        stop_all(started)


def jobs_of(media_id: int) -> list[TranscodeJob]:
    content_type = ContentType.objects.get_for_model(MediaAsset)
    return list(TranscodeJob.objects.filter(content_type=content_type, object_id=media_id))


def test_two_web_servers_and_two_workers_stay_consistent(two_of_each, agency_a):
    (a, b), started = two_of_each

    # Uploads: each server takes whole uploads; a resumed one must come back to its holder.
    videos = [a.upload(mp4_bytes(seconds=1), "may-a.mp4"),
              b.upload(mp4_bytes(seconds=1, frequency=550), "may-b.mp4")]  # fmt: skip
    photo = png_bytes((420, 300), color=(30, 150, 90))
    half = len(photo) // 2
    upload = b.create(len(photo), "anh-hai-may.png")
    assert a.patch(upload, 0, photo[:half]).status_code == 204
    refused = b.patch(upload, half, photo[half:])
    assert refused.status_code == 409 and "web-a" in refused.text
    finished = a.patch(upload, half, photo[half:])
    assert finished.status_code == 204
    assert ImageAsset.objects.filter(pk=int(finished.headers["Asset-Id"])).exists()
    assert MediaAsset.objects.filter(pk__in=videos).count() == 2

    # Jobs: both workers take from one queue; every job ends done, run once.
    def all_done() -> bool:
        jobs = [job for video in videos for job in jobs_of(video)]
        assert all(job.status != JobStatus.FAILED for job in jobs), [j.error for j in jobs]
        return bool(jobs) and all(job.status == JobStatus.DONE for job in jobs)

    wait_for(all_done, 240, "the jobs of both videos")
    assert all(job.attempts == 1 for video in videos for job in jobs_of(video))

    # Rate limit: one consumer's budget of 10 a minute, spent across both servers.
    _consumer, token = consumer_token("Hai máy chủ", rate_limit_per_minute=10)
    start_of_a_fresh_window(burst_seconds=20)
    codes = [
        requests.get(
            f"{server.base_url}/api/v3/topics/",
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        ).status_code
        for _ in range(8)
        for server in (a, b)
    ]
    assert codes.count(200) == 10 and codes.count(429) == 6, codes

    # The page cache is shared: a page kept by one server is served by the other. A task ending in
    # between (indexing, fingerprints of the uploads) starts a new generation of pages: then the
    # pair is asked again. Without a new generation, a miss on the other server is a failure.
    def kept_by_a_served_by_b() -> bool:
        generation = page_cache.current_generation()
        a.page("/")
        served = b.page("/").headers.get(page_cache.HEADER)
        if page_cache.current_generation() != generation or cache_unreachable(started):
            return False
        assert served == "hit", f"generation {generation}: {served}"
        return True

    wait_for(kept_by_a_served_by_b, 600, "the home page kept by one server, served by the other")
    # A change made through one server empties the page for the other at once.
    b.upload(png_bytes((240, 160), color=(200, 40, 40)), "thay-doi.png")
    assert a.page("/").headers.get(page_cache.HEADER) == "miss"
    for process in started:
        assert process.alive(), process.tail()


def cache_unreachable(started: list[Started]) -> bool:
    """Whether a process found Redis out of reach (it then answers as an empty cache)."""
    return any("Redis cache unreachable" in process.output() for process in started)
