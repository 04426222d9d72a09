"""Elasticsearch for real deployments: the index takes its shards, replicas and refresh interval
from the settings (the environment), and `search_rebuild` moves to a new index behind the alias
without a moment in which searches fail or a write made meanwhile is lost."""

import threading

import pytest

from search import queries
from search.backends import _elastic_backend, get_elastic_backend
from search.backends.database import DatabaseBackend
from search.rebuild import rebuild_all
from tests.factories import image_asset
from tests.markers import elasticsearch_only

pytestmark = [
    pytest.mark.django_db(transaction=True),
    elasticsearch_only,
]


def indices_behind(alias: str) -> list[str]:
    return sorted(get_elastic_backend().client.indices.get_alias(name=alias))


def titles(text: str) -> tuple[set[str], bool]:
    results = queries.search(text)
    return {hit.title for hit in results.hits}, results.degraded


def test_rebuild_switches_indexes_without_downtime(backend_name, settings, agency_a, monkeypatch):
    settings.LIBRARY_SEARCH = {**settings.LIBRARY_SEARCH, "SHARDS": 2, "REFRESH_INTERVAL": "2s"}
    _elastic_backend.cache_clear()
    alias = settings.LIBRARY_SEARCH["INDEX"]
    image_asset(agency_a, title="Bản đồ số quốc gia")
    before = indices_behind(alias)
    assert titles("ban do so") == ({"Bản đồ số quốc gia"}, False)

    filling, go_on = threading.Event(), threading.Event()
    real_records = DatabaseBackend.records

    def slow_records(self):
        for number, record in enumerate(real_records(self)):
            if number == 1:
                filling.set()
                go_on.wait(60)
            yield record

    monkeypatch.setattr(DatabaseBackend, "records", slow_records)
    image_asset(agency_a, title="Bản đồ số địa phương", variant=1)
    rebuild = threading.Thread(target=rebuild_all)
    rebuild.start()
    try:
        assert filling.wait(60)
        # Half-way through the fill: the old index answers, and a new asset is written to it.
        assert titles("ban do so") == ({"Bản đồ số quốc gia", "Bản đồ số địa phương"}, False)
        image_asset(agency_a, title="Bản đồ số mới trong lúc dựng lại", variant=2)
        assert indices_behind(alias) == before
    finally:
        go_on.set()
        rebuild.join(120)
    after = indices_behind(alias)
    assert len(after) == 1 and after != before
    client = get_elastic_backend().client
    assert not client.indices.exists(index=before[0])
    index_settings = client.indices.get_settings(index=after[0])[after[0]]["settings"]["index"]
    assert (index_settings["number_of_shards"], index_settings["number_of_replicas"]) == ("2", "0")
    assert index_settings["refresh_interval"] == "2s"
    found, degraded = titles("ban do so")
    assert not degraded
    assert found == {
        "Bản đồ số quốc gia",
        "Bản đồ số địa phương",
        "Bản đồ số mới trong lúc dựng lại",
    }
