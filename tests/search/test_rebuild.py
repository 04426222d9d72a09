"""Rebuilding the database index commits batch by batch: no transaction (on SQLite, no write
lock) is held while the next records are made, so uploads and edits are not kept waiting for the
whole rebuild, and searches keep finding the entries not rewritten yet."""

import pytest
from django.db import connection

from search.backends import get_database_backend
from search.backends.database_writes import WRITE_BATCH
from search.models import SearchEntry

from .records import seed_record

TEXT = "chuyển đổi số trong cơ quan nhà nước và doanh nghiệp khởi nghiệp"


@pytest.mark.django_db(transaction=True)
def test_a_rebuild_holds_no_transaction_between_batches():
    database = get_database_backend()
    database.upsert([seed_record(number, TEXT) for number in range(3)])
    seen = []

    def records():
        for number in range(2 * WRITE_BATCH + 1):
            if number % WRITE_BATCH == 0:
                seen.append((connection.in_atomic_block, SearchEntry.objects.count()))
            yield seed_record(number + 1_000_000, TEXT)

    assert database.rebuild(records()) == 2 * WRITE_BATCH + 1
    assert seen == [(False, 3), (False, 3 + WRITE_BATCH), (False, 3 + 2 * WRITE_BATCH)]
    assert SearchEntry.objects.count() == 2 * WRITE_BATCH + 1
    assert not SearchEntry.objects.filter(key="document:0").exists()


@pytest.mark.embedded
@pytest.mark.django_db
def test_sqlite_full_text_tables_match_the_entries_after_writes_rewrites_and_deletes():
    """New entries reach the FTS5 tables once per batch (no insert trigger), removed ones leave
    them through the delete trigger: FTS5's own check compares every indexed word with what the
    entries hold, and fails on a missing, extra or stale row."""
    assert connection.vendor == "sqlite"
    database = get_database_backend()
    database.upsert([seed_record(number, TEXT) for number in range(WRITE_BATCH + 5)])
    database.upsert([seed_record(number, f"{TEXT} nông thôn mới") for number in range(0, 40, 2)])
    database.delete([f"document:{number}" for number in range(1, 60, 3)])
    with connection.cursor() as cursor:
        for table in ("library_search_fts", "library_search_titles"):
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        cursor.execute(
            "SELECT count(*) FROM library_search_fts WHERE library_search_fts MATCH %s",
            ["{text_folded}: nong AND thon"],
        )
        assert cursor.fetchone()[0] == 20 - len([n for n in range(0, 40, 2) if n % 3 == 1])
