"""Writing the database index: one short transaction per batch of records.

Each batch replaces its entries (the full-text index follows through SQLite triggers or
PostgreSQL generated columns), inserts their facet and term rows with one statement each, and
brings `WordCount` up to date with one upsert per changed word. The Python work (folding,
counting, serialising) is done before the transaction opens.
"""

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from itertools import islice

from django.db import connection, transaction

from ..documents import SearchRecord
from ..models import SearchEntry, SearchFacet, SearchTerm, WordCount
from .database_rows import entry_rows, stored_word_counts

WRITE_BATCH = 500


def batched(items: Iterable, size: int = WRITE_BATCH) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def write_batch(records: list[SearchRecord]) -> None:
    latest = {record.key: record for record in records}
    rows = [entry_rows(record) for record in latest.values()]
    words = Counter()
    for row in rows:
        words.update(row.words)
    with transaction.atomic(), connection.cursor() as cursor:
        _remove(cursor, list(latest), words)
        entries = SearchEntry.objects.bulk_create([row.entry for row in rows])
        facets = [
            (entry.pk, facet, value)
            for entry, row in zip(entries, rows, strict=True)
            for facet, value in row.facets
        ]
        terms = [
            (entry.pk, term, entry.kind)
            for entry, row in zip(entries, rows, strict=True)
            for term in row.terms
        ]
        _insert(cursor, SearchFacet, ("entry_id", "field", "value"), facets)
        _insert(cursor, SearchTerm, ("entry_id", "term", "kind"), terms)
        _count_words(cursor, words)


def delete_keys(keys: Iterable[str]) -> None:
    for batch in batched(keys):
        words = Counter()
        with transaction.atomic(), connection.cursor() as cursor:
            _remove(cursor, batch, words)
            _count_words(cursor, words)


def _remove(cursor, keys: list[str], words: Counter) -> None:
    """Delete the entries of these keys and take their words out of `words`."""
    stored = SearchEntry.objects.filter(key__in=keys).values_list(
        "id", "title_folded", "text_folded"
    )
    ids = []
    for entry_id, title_folded, text_folded in stored:
        ids.append(entry_id)
        words.subtract(stored_word_counts(title_folded, text_folded))
    if not ids:
        return
    marks = ", ".join(["%s"] * len(ids))
    for model, column in ((SearchFacet, "entry_id"), (SearchTerm, "entry_id"), (SearchEntry, "id")):
        cursor.execute(f"DELETE FROM {model._meta.db_table} WHERE {column} IN ({marks})", ids)


def _insert(cursor, model, columns: tuple[str, ...], rows: list[tuple]) -> None:
    if rows:
        marks = ", ".join(["%s"] * len(columns))
        cursor.executemany(
            f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) VALUES ({marks})", rows
        )


def _count_words(cursor, words: Counter) -> None:
    """Add the changes to `WordCount`, in word order (concurrent PostgreSQL writers then lock
    the rows in the same order and cannot deadlock)."""
    changes: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (word, field), change in words.items():
        changes[word][field] += change
    table = WordCount._meta.db_table
    cursor.executemany(
        f"INSERT INTO {table} (word, titles, texts) VALUES (%s, %s, %s) ON CONFLICT (word)"
        f" DO UPDATE SET titles = {table}.titles + excluded.titles,"
        f" texts = {table}.texts + excluded.texts",
        sorted((word, *change) for word, change in changes.items() if any(change)),
    )
