"""/healthz answers while the process lives; /readyz names every part with its state and
latency, and answers 503 naming the part that is down."""

import time

import pytest
from django.core.cache import cache
from django.test import override_settings

from config.periodic.scheduler import HEARTBEAT_KEY
from search.backends import _elastic_backend

pytestmark = pytest.mark.django_db
PARTS = {"database", "cache", "broker", "workers", "scheduler", "search", "storage"}


@pytest.fixture(autouse=True)
def scheduler_ticked():
    """As the scheduler does at every tick."""
    cache.set(HEARTBEAT_KEY, time.time(), 120)
    yield
    cache.delete(HEARTBEAT_KEY)


def test_healthz_touches_nothing(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "alive"}


def test_readyz_names_each_part_with_state_and_latency(client):
    response = client.get("/readyz")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "ready" and body["down"] == []
    assert set(body["checks"]) == PARTS
    for name in ("database", "cache", "storage"):
        assert body["checks"][name]["state"] == "up"
        assert body["checks"][name]["latency_ms"] >= 0
    # Tests run tasks inside the request: no broker, no workers (a queue backend is probed in
    # tests/operations/test_scale_out.py and by make prod-check).
    assert body["checks"]["broker"]["state"] == body["checks"]["workers"]["state"] == "off"
    assert response["Cache-Control"].startswith("max-age=0")


def test_readyz_names_a_silent_scheduler(client):
    cache.set(HEARTBEAT_KEY, time.time() - 300, 120)
    body = client.get("/readyz").json()
    assert body["down"] == ["scheduler"]
    cache.delete(HEARTBEAT_KEY)
    response = client.get("/readyz")
    assert response.status_code == 503 and response.json()["down"] == ["scheduler"]


def test_readyz_names_search_when_elasticsearch_does_not_answer(client, settings):
    # Nothing listens on the discard port: refused at once, as a stopped server.
    settings.LIBRARY_SEARCH = {**settings.LIBRARY_SEARCH, "URL": "http://127.0.0.1:9"}
    _elastic_backend.cache_clear()
    try:
        response = client.get("/readyz")
    finally:
        _elastic_backend.cache_clear()
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable" and body["down"] == ["search"]
    assert body["checks"]["search"]["state"] == "down"
    assert body["checks"]["search"]["error"]
    assert body["checks"]["database"]["state"] == "up"


def test_readyz_names_the_cache_when_redis_does_not_answer(client):
    dead_redis = {
        "default": {
            "BACKEND": "config.operations.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",
        }
    }
    with override_settings(CACHES=dead_redis):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert "cache" in response.json()["down"]


def test_probes_over_plain_http_are_not_redirected(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    assert client.get("/healthz").status_code == 200
    assert client.get("/search/").status_code == 301
