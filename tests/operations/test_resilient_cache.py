"""While Redis is out of reach the shared cache answers as an empty one: sessions come from the
database, pages render, nothing answers 500. Redis here is a port nothing listens on, refused at
once like a stopped server."""

import pytest
from django.core.cache import caches
from django.test import override_settings

pytestmark = pytest.mark.django_db
DEAD_REDIS = {
    "default": {
        "BACKEND": "config.operations.cache.ResilientRedisCache",
        "LOCATION": "redis://127.0.0.1:9/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
}


def test_every_cache_call_answers_without_redis():
    with override_settings(CACHES=DEAD_REDIS):
        cache = caches["default"]
        assert cache.get("k", "fallback") == "fallback"
        cache.set("k", 1)
        assert cache.add("k", 1) is False
        assert cache.incr("counter") == 1  # counts from zero: a rate limit lets the call through
        assert cache.get_many(["a", "b"]) == {}
        assert cache.delete("k") is False
        cache.set_many({"a": 1})
        cache.delete_many(["a"])
        assert cache.has_key("a") is False


def test_logged_in_editor_keeps_working_without_redis(client, editor_a):
    client.force_login(editor_a)
    with override_settings(CACHES=DEAD_REDIS):
        response = client.get("/admin/")
        assert response.status_code == 200
        assert client.get("/").status_code == 200
