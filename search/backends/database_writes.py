"""Writing the database index: one short transaction per batch of records.

Each batch replaces its entries (new ones reach SQLite's full-text tables with one statement per
table, removed ones leave them through triggers; PostgreSQL computes generated columns), inserts
their facet and term rows with one statement each, and brings `WordCount` up to date with one
upsert per changed word. The Python work (folding,
counting, serialising) is done before the transaction opens.
"""

from collections.abc import Iterable, Iterator
from itertools import islice
from operator import itemgetter

from django.db import connection, transaction
from django.utils import timezone

from ..documents import SearchRecord
from ..models import SearchEntry, SearchFacet, SearchTerm, WordCount
from .database_rows import WordChanges, entry_rows
from .fulltext_sql import fill_fulltext

WRITE_BATCH = 500
PLAIN_COLUMNS = (
    "key", "kind", "agency", "title", "title_folded", "text", "text_folded", "words",
    "title_length", "text_length", "filter_terms", "is_public", "stamp",
)  # fmt: skip
PREPARED_COLUMNS = ("published_at", "embargo_until", "payload", "updated_at")
ENTRY_COLUMNS = PLAIN_COLUMNS + PREPARED_COLUMNS


def batched(items: Iterable, size: int = WRITE_BATCH) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def write_batch(records: list[SearchRecord], fulltext: bool = True) -> None:
    """`fulltext=False` leaves the full-text tables alone (migration 0003 builds them after)."""
    latest = {record.key: record for record in records}
    rows = [entry_rows(record) for record in latest.values()]
    words = WordChanges()
    for row in rows:
        words.add(row.title_words, row.text_words)
    entries = _prepared_entries([row.entry for row in rows])
    with transaction.atomic(), connection.cursor() as cursor:
        _remove(cursor, list(latest), words)
        _insert(cursor, SearchEntry, ENTRY_COLUMNS, entries)
        ids = dict(_rows_of(cursor, "key, id", list(latest)))
        if fulltext:
            fill_fulltext(cursor, connection.vendor, list(ids.values()))
        facets = [
            (ids[row.entry["key"]], facet, value) for row in rows for facet, value in row.facets
        ]
        terms = [
            (ids[row.entry["key"]], term, row.entry["kind"]) for row in rows for term in row.terms
        ]
        _insert(cursor, SearchFacet, ("entry_id", "field", "value"), facets)
        _insert(cursor, SearchTerm, ("entry_id", "term", "kind"), terms)
        _count_words(cursor, words)


def _prepared_entries(entries: list[dict]) -> list[tuple]:
    """Entry rows as the database driver takes them: dates and JSON adapted as the model's fields
    adapt them (straight through the connection's operations: the fields' own checks cost more
    than the writing, for values that are ours)."""
    plain = itemgetter(*PLAIN_COLUMNS)
    date = connection.ops.adapt_datetimefield_value
    encoder = SearchEntry._meta.get_field("payload").encoder
    now = date(timezone.now())
    return [
        (
            *plain(entry),
            date(entry["published_at"]),
            date(entry["embargo_until"]),
            connection.ops.adapt_json_value(entry["payload"], encoder),
            now,
        )
        for entry in entries
    ]


def delete_keys(keys: Iterable[str]) -> None:
    for batch in batched(keys):
        words = WordChanges()
        with transaction.atomic(), connection.cursor() as cursor:
            _remove(cursor, batch, words)
            _count_words(cursor, words)


def _remove(cursor, keys: list[str], words: WordChanges) -> None:
    """Delete the entries of these keys and take their words out of `words`."""
    ids = []
    for entry_id, title_folded, text_folded in _rows_of(
        cursor, "id, title_folded, text_folded", keys
    ):
        ids.append(entry_id)
        words.remove_stored(title_folded, text_folded)
    if not ids:
        return
    marks = ", ".join(["%s"] * len(ids))
    for model, column in ((SearchFacet, "entry_id"), (SearchTerm, "entry_id"), (SearchEntry, "id")):
        cursor.execute(f"DELETE FROM {model._meta.db_table} WHERE {column} IN ({marks})", ids)


def _rows_of(cursor, columns: str, keys: list[str]) -> list[tuple]:
    """These columns of the entries of these keys (plain SQL: building the ORM's query for a
    batch of keys cost more than running it)."""
    if not keys:
        return []
    marks = ", ".join(["%s"] * len(keys))
    table = SearchEntry._meta.db_table
    cursor.execute(f"SELECT {columns} FROM {table} WHERE key IN ({marks})", keys)
    return cursor.fetchall()


def _insert(cursor, model, columns: tuple[str, ...], rows: list[tuple]) -> None:
    if rows:
        marks = ", ".join(["%s"] * len(columns))
        cursor.executemany(
            f"INSERT INTO {model._meta.db_table} ({', '.join(columns)}) VALUES ({marks})", rows
        )


def _count_words(cursor, words: WordChanges) -> None:
    """Add the changes to `WordCount`, in word order (concurrent PostgreSQL writers then lock
    the rows in the same order and cannot deadlock)."""
    table = WordCount._meta.db_table
    cursor.executemany(
        f"INSERT INTO {table} (word, titles, texts) VALUES (%s, %s, %s) ON CONFLICT (word)"
        f" DO UPDATE SET titles = {table}.titles + excluded.titles,"
        f" texts = {table}.texts + excluded.texts",
        words.rows(),
    )
