"""When Elasticsearch does not answer, queries come from the database (degraded) and updates wait
in PendingUpdate until it answers again."""

import shutil
import subprocess
import time
from pathlib import Path

import pytest

from search import queries
from search.backends import _elastic_backend, get_elastic_backend
from search.indexing import upsert_records
from search.models import PendingUpdate

from .records import seed_record

pytestmark = pytest.mark.django_db
SERVICES = Path(__file__).resolve().parents[2] / "scripts" / "services.sh"
# Nothing listens on the discard port: connections are refused at once, as from a stopped server.
DEAD_URL = "http://127.0.0.1:9"


def point_at(settings, url: str) -> None:
    settings.LIBRARY_SEARCH = {**settings.LIBRARY_SEARCH, "URL": url}
    _elastic_backend.cache_clear()


def keys(query: str) -> list[str]:
    return [hit.key for hit in queries.search(query).hits]


def check_degraded_then_replayed(stop, start) -> None:
    upsert_records([seed_record(1, "Trước sự cố: thư viện số quốc gia")])
    stop()
    upsert_records([seed_record(2, "Trong sự cố: thư viện số vẫn trả lời")])
    assert PendingUpdate.objects.filter(key="document:2").exists()
    during = queries.search("thu vien so")
    assert during.degraded
    assert {hit.key for hit in during.hits} == {"document:1", "document:2"}
    start()
    queries.search("thu vien so")  # the first answer after the outage queues the replay
    after = queries.search("thu vien so")
    assert not after.degraded
    assert {hit.key for hit in after.hits} == {"document:1", "document:2"}
    assert not PendingUpdate.objects.exists()


only_elasticsearch = pytest.mark.parametrize("backend_name", ["elasticsearch"], indirect=True)


@only_elasticsearch
def test_unreachable_elasticsearch_degrades_and_replays(backend_name, settings):
    real_url = settings.LIBRARY_SEARCH["URL"]
    check_degraded_then_replayed(
        stop=lambda: point_at(settings, DEAD_URL), start=lambda: point_at(settings, real_url)
    )


def _services(*args: str) -> str:
    run = subprocess.run(
        ["bash", str(SERVICES), *args], check=True, timeout=300, capture_output=True, text=True
    )
    return run.stdout


def _is_services_elasticsearch(url: str) -> bool:
    """Stop only the server this test talks to, never one it does not use."""
    return f"ELASTICSEARCH_URL={url.rstrip('/')}" in _services("env")


def _wait_until_up(timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if get_elastic_backend().ping():
                return
        except Exception:  # noqa: BLE001 - any failure just means "not up yet"
            pass
        time.sleep(1)
    raise AssertionError("Elasticsearch did not come back")


@pytest.mark.services
@pytest.mark.slow
@only_elasticsearch
def test_stopping_elasticsearch_mid_test(backend_name, settings):
    if not SERVICES.exists() or shutil.which("bash") is None:
        pytest.skip("scripts/services.sh is missing")
    if not _is_services_elasticsearch(settings.LIBRARY_SEARCH["URL"]):
        pytest.skip("ELASTICSEARCH_URL is not the server scripts/services.sh runs")

    def start() -> None:
        _services("start-one", "es")
        _wait_until_up()

    try:
        check_degraded_then_replayed(stop=lambda: _services("stop-one", "es"), start=start)
    finally:
        _services("start-one", "es")
