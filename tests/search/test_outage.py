"""When Elasticsearch does not answer, queries come from the database (degraded) and updates wait
in PendingUpdate until it answers again."""

import time

import pytest

from search import queries
from search.backends import _elastic_backend, get_elastic_backend
from search.indexing import upsert_records
from search.models import PendingUpdate
from tests.markers import elasticsearch_only
from tests.private_services import PrivateServices

from .records import seed_record

pytestmark = pytest.mark.django_db
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


@elasticsearch_only
def test_unreachable_elasticsearch_degrades_and_replays(backend_name, settings):
    real_url = settings.LIBRARY_SEARCH["URL"]
    check_degraded_then_replayed(
        stop=lambda: point_at(settings, DEAD_URL), start=lambda: point_at(settings, real_url)
    )


@pytest.fixture(scope="module")
def private_elasticsearch():
    """An Elasticsearch of this test's own: the shared one serves every other test run."""
    with PrivateServices("es") as servers:
        yield servers


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
@elasticsearch_only
def test_stopping_elasticsearch_mid_test(backend_name, settings, private_elasticsearch):
    point_at(settings, private_elasticsearch.env()["ELASTICSEARCH_URL"])

    def start() -> None:
        private_elasticsearch.start("es")
        _wait_until_up()

    check_degraded_then_replayed(stop=lambda: private_elasticsearch.stop("es"), start=start)
