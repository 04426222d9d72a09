"""The JSON endpoints: filters from the query string, facets, autocomplete."""

import pytest

from search.indexing import upsert_records

from .conftest import seed_paragraphs
from .records import AGENCIES, seed_record

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.search.urls")]


@pytest.fixture
def indexed(backend_name):
    records = [seed_record(n, text) for n, text in enumerate(seed_paragraphs()[:60])]
    upsert_records(records)
    return records


def test_search_endpoint_filters_and_counts(client, indexed):
    agency = AGENCIES[0]
    response = client.get("/api/search/", {"q": "cong nghe", "agency": agency, "size": 3})
    assert response.status_code == 200
    body = response.json()
    assert body["degraded"] is False
    assert 0 < len(body["hits"]) <= 3 and body["total"] >= len(body["hits"])
    assert all(hit["agency"] == agency for hit in body["hits"])
    assert body["facets"]["agency"] == [[agency, body["total"]]]
    if body["total"] > 3:
        more = client.get("/api/search/", {"q": "cong nghe", "agency": agency, "size": 3,
                                           "cursor": body["next_cursor"]}).json()  # fmt: skip
        assert {h["key"] for h in more["hits"]}.isdisjoint(h["key"] for h in body["hits"])


def test_autocomplete_endpoint(client, indexed):
    record = indexed[0]
    typed = " ".join(record.title.split()[:2]).upper()
    body = client.get("/api/search/autocomplete/", {"q": typed, "size": 50}).json()
    assert record.key in [suggestion["key"] for suggestion in body["suggestions"]]
