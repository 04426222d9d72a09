"""The database backend: SQLite FTS5 or PostgreSQL full text over the `SearchEntry` tables.

It is always written (it is the fallback and the source for rebuilding Elasticsearch), and it
answers queries when no Elasticsearch is configured or when Elasticsearch is down.
"""

from collections.abc import Iterable, Iterator
from datetime import datetime
from itertools import islice

from django.db import connection, transaction
from django.db.models import Count

from ..cursor import encode_cursor
from ..documents import SearchRecord
from ..folding import fold_words
from ..highlight import highlight
from ..models import SearchEntry, SearchFacet, SearchTerm
from . import database_sql as sql
from .base import Hit, SearchBackend, SearchQuery, SearchResults
from .fulltext_sql import any_words_match, prefix_match, text_match

WRITE_BATCH = 500
MORE_LIKE_THIS_WORDS = 12


def batched(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def entry_for(record: SearchRecord) -> SearchEntry:
    return SearchEntry(
        key=record.key,
        kind=record.kind,
        agency=record.agency,
        title=record.full_title[:500],
        title_folded=record.title_folded[:500],
        text=record.text,
        text_folded=record.text_folded,
        published_at=record.published_at,
        is_public=record.is_public,
        embargo_until=record.embargo_until,
        stamp=record.stamp,
        payload=record.to_json(),
    )


def hit_for(entry: SearchEntry, score: float, query_text: str) -> Hit:
    payload = entry.payload
    return Hit(
        key=entry.key,
        kind=entry.kind,
        title=payload["title"],
        url=payload["url"],
        highlight=highlight(entry.text, query_text) if query_text else "",
        score=float(score),
        agency=entry.agency,
        published_at=entry.published_at,
    )


class DatabaseBackend(SearchBackend):
    name = "database"

    def upsert(self, records: Iterable[SearchRecord]) -> None:
        for batch in batched(records, WRITE_BATCH):
            with transaction.atomic():
                self.delete(record.key for record in batch)
                self._insert(batch)

    def _insert(self, records: list[SearchRecord]) -> None:
        entries = SearchEntry.objects.bulk_create([entry_for(record) for record in records])
        facets, terms = [], []
        for entry, record in zip(entries, records, strict=True):
            for facet, values in record.facet_values().items():
                facets += [SearchFacet(entry=entry, field=facet, value=v[:255]) for v in values]
            terms += [SearchTerm(entry=entry, term=t[:200], kind=record.kind) for t in record.terms]
        SearchFacet.objects.bulk_create(facets, batch_size=2000)
        SearchTerm.objects.bulk_create(terms, batch_size=2000)

    def delete(self, keys: Iterable[str]) -> None:
        for batch in batched(keys, WRITE_BATCH):
            SearchEntry.objects.filter(key__in=batch).delete()

    def rebuild(self, records: Iterable[SearchRecord]) -> int:
        written = 0
        with transaction.atomic():
            SearchEntry.objects.all().delete()
            for batch in batched(records, WRITE_BATCH):
                self._insert(batch)
                written += len(batch)
        return written

    def stamps(self) -> dict[str, str]:
        return dict(SearchEntry.objects.values_list("key", "stamp"))

    def records(self) -> Iterator[SearchRecord]:
        """Every stored record, for filling Elasticsearch."""
        payloads = SearchEntry.objects.order_by("id").values_list("payload", flat=True)
        for payload in payloads.iterator(chunk_size=WRITE_BATCH):
            yield SearchRecord.from_json(payload)

    def record(self, key: str) -> SearchRecord | None:
        payload = SearchEntry.objects.filter(key=key).values_list("payload", flat=True).first()
        return SearchRecord.from_json(payload) if payload else None

    def search(self, query: SearchQuery) -> SearchResults:
        match = text_match(connection.vendor, query.text) if query.text.strip() else None
        chosen = sql.selection(match, query.filters, query.public_only, query.now)
        cursor_position = query.cursor or {}
        offset = int(cursor_position.get("offset", cursor_position.get("shown", query.offset)))
        with connection.cursor() as cursor:
            rows = sql.page_rows(cursor, chosen, match, query.sort, query.size, offset)
            total = sql.count(cursor, chosen)
            facets = sql.facet_counts(cursor, chosen) if query.facets else {}
        hits = self._hits(rows, query.text)
        more = offset + len(hits) < total
        next_cursor = encode_cursor(self.name, {"offset": offset + len(hits)}) if more else None
        return SearchResults(hits=hits, total=total, facets=facets, next_cursor=next_cursor)

    def _hits(self, rows: list[tuple], query_text: str) -> list[Hit]:
        entries = SearchEntry.objects.in_bulk([row[0] for row in rows])
        return [hit_for(entries[row_id], score, query_text) for row_id, score in rows]

    def autocomplete(self, prefix: str, size: int, public_only: bool, now: datetime) -> list[Hit]:
        prefix_sql = prefix_match(connection.vendor, prefix)
        if prefix_sql is None:
            return []
        joins, where, params = prefix_sql
        chosen = sql.selection(None, {}, public_only, now)
        chosen.joins = joins
        chosen.add(where, *params)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT e.id, 0 {chosen.from_where} ORDER BY length(e.title), e.id LIMIT %s",
                [*chosen.params, size],
            )
            return self._hits(cursor.fetchall(), "")

    def more_like_this(self, key: str, size: int, public_only: bool, now: datetime) -> list[Hit]:
        entry = SearchEntry.objects.filter(key=key).first()
        if entry is None:
            return []
        words = fold_words(f"{entry.title_folded} {entry.text_folded[:2000]}")
        distinct = list(dict.fromkeys(word for word in words if len(word) > 2))
        if not distinct:
            return []
        match = any_words_match(connection.vendor, distinct[:MORE_LIKE_THIS_WORDS])
        chosen = sql.selection(match, {}, public_only, now)
        chosen.add("e.key <> %s", key)
        with connection.cursor() as cursor:
            rows = sql.page_rows(cursor, chosen, match, "relevance", size, 0)
        return self._hits(rows, "")

    def find_by_terms(
        self, terms: list[str], kinds: list[str] | None = None, limit: int = 50
    ) -> list[tuple[str, int]]:
        if not terms:
            return []
        matches = SearchTerm.objects.filter(term__in=set(terms))
        if kinds:
            matches = matches.filter(kind__in=kinds)
        shared = (
            matches.values("entry__key")
            .annotate(shared=Count("id"))
            .order_by("-shared", "entry__key")[:limit]
        )
        return [(row["entry__key"], row["shared"]) for row in shared]
