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
