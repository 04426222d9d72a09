"""An index written before the ranking columns (migration 0003) is searchable after the upgrade:
its entries are written again from the records they store, with their words, lengths, filter
tokens and word counts."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from search.backends import get_database_backend
from search.backends.base import SearchQuery
from search.documents import SearchRecord
from search.models import SearchEntry, WordCount

BEFORE = ("library_search", "0002_fulltext")
TEXTS = {
    "document:1": ("Chuyển đổi số ở cấp xã", "Người dân dùng dịch vụ công trực tuyến.", "cds"),
    "document:2": (
        "Kỹ năng số cho học sinh",
        "Nhà trường dạy chuyển đổi số từ lớp một.",
        "giao-duc",
    ),
}


def migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return MigrationExecutor(connection)


def old_entry(key: str) -> dict:
    title, text, topic = TEXTS[key]
    record = SearchRecord(
        key=key,
        kind="document",
        title=title,
        text=text,
        topics=[topic],
        published_at=datetime(2025, 3, 1, tzinfo=UTC),
        is_public=True,
    )
    return {
        "key": key,
        "kind": "document",
        "title": title,
        "title_folded": record.title_folded,
        "text": text,
        "text_folded": record.text_folded,
        "published_at": record.published_at,
        "is_public": True,
        "stamp": record.stamp,
        "payload": record.to_json(),
    }


@pytest.mark.django_db(transaction=True)
def test_entries_written_before_the_ranking_columns_are_found_after_them():
    executor = migrate([BEFORE])
    old = executor.loader.project_state([BEFORE]).apps
    for key in TEXTS:
        old.get_model("library_search", "SearchEntry").objects.create(**old_entry(key))

    migrate(executor.loader.graph.leaf_nodes())

    database = get_database_backend()
    query = SearchQuery(
        text="chuyen doi so", filters={"topic": ["giao-duc"]}, now=datetime.now(UTC)
    )
    found = database.search(query)
    assert [hit.key for hit in found.hits] == ["document:2"]
    assert dict(found.facets["topic"]) == {"giao-duc": 1}
    assert database.record("document:1").text == TEXTS["document:1"][1]
    counts = dict(WordCount.objects.values_list("word", "texts"))
    assert counts[WordCount.ENTRIES] == SearchEntry.objects.count() == 2
    assert counts["chuyen"] == 1
