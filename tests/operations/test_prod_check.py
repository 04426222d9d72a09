"""`make prod` as an operator runs it (scripts/prod.sh: checks, migrations, static files, then
gunicorn, one RQ worker per queue and the scheduler under honcho): it becomes ready, takes a video
through the resumable upload API, transcodes it in the media worker, indexes it in the light
worker, finds it in search, carries the upload's request id into the worker's log lines, and
stops on SIGTERM with every process. `make prod-check` runs this test alone."""

import base64
import json
import re
import signal
from types import SimpleNamespace

import pytest
import requests
from django.contrib.contenttypes.models import ContentType

from assets.models import MediaAsset
from tests.factories import mp4_bytes
from tests.storage import tus_helpers as tus
from tests.storage.conftest import token_for
from transcoding.enums import JobStatus
from transcoding.models import TranscodeJob

from .production import free_port, production_env, start_prod, wait_for, wait_ready

pytestmark = [pytest.mark.services, pytest.mark.slow, pytest.mark.django_db(transaction=True)]
TITLE = "Phóng sự kiểm tra hồ sơ sản xuất"


def metadata(**values: str) -> str:
    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in values.items())


def upload_video(base_url: str, token: str) -> tuple[int, str]:
    """One video through tus in a single PATCH; (asset id, that request's id)."""
    video = mp4_bytes(seconds=2)
    server = SimpleNamespace(url=base_url)
    url = tus.create(server, token, len(video), metadata(filename="phong-su.mp4", title=TITLE))
    finished = tus.patch(url, token, 0, video)
    assert finished.status_code == 204, finished.text
    return int(finished.headers["Asset-Id"]), finished.headers["X-Request-ID"]


def jobs_done(asset: MediaAsset) -> bool:
    content_type = ContentType.objects.get_for_model(MediaAsset)
    statuses = set(
        TranscodeJob.objects.filter(content_type=content_type, object_id=asset.pk).values_list(
            "status", flat=True
        )
    )
    assert JobStatus.FAILED not in statuses
    return bool(statuses) and statuses == {JobStatus.DONE}


def found_in_search(base_url: str) -> list[dict]:
    answer = requests.get(f"{base_url}/api/search/", params={"q": TITLE}, timeout=30).json()
    return [hit for hit in answer["hits"] if hit["title"] == TITLE]


def worker_lines(output: str, process: str, request_id: str) -> list[dict]:
    lines = []
    for line in output.splitlines():
        name, _, text = line.partition("|")
        if process in name and text.strip().startswith("{"):
            record = json.loads(text)
            if record.get("request_id") == request_id:
                lines.append(record)
    return lines


def test_make_prod_uploads_transcodes_indexes_and_stops(tmp_path, settings, editor_a):
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    prod = start_prod(production_env(tmp_path / "data", port), tmp_path)
    try:
        ready = wait_ready(base_url, [prod])
        assert ready["checks"]["workers"]["details"]["queues"].keys() >= {
            "default",
            "transcoding",
            "webhooks",
        }
        asset_id, request_id = upload_video(base_url, token_for(editor_a))
        asset = MediaAsset.objects.get(pk=asset_id)
        wait_for(lambda: jobs_done(asset), 180, "transcoding in the media worker", prod.log)

        # Published by an editor; the index update goes through the queue to the light worker.
        settings.TASKS = {**settings.TASKS, "default": settings.TASKS["queue"]}
        asset.is_published = True
        asset.save()
        hits = wait_for(lambda: found_in_search(base_url), 60, "the video in search", prod.log)
        assert hits[0]["key"].endswith(str(asset_id))
        assert worker_lines(prod.output(), "worker_media", request_id), prod.tail()
    finally:
        status = prod.stop()
    # honcho answers SIGTERM with the signal's status once every process stopped cleanly.
    assert status in (0, 128 + signal.SIGTERM), prod.tail()
    stopped = re.findall(r"(\w+)\.1 stopped \(rc=(-?\d+)\)", prod.output())
    assert {name for name, _rc in stopped} >= {"web", "worker_light", "worker_media"}
    assert all(rc == "0" for _name, rc in stopped), stopped
    assert "Traceback" not in prod.output(), prod.around("Traceback")
