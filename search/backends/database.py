"""The database backend: SQLite FTS5 or PostgreSQL full text over the `SearchEntry` tables.

It is always written (it is the fallback and the source for rebuilding Elasticsearch), and it
answers queries when no Elasticsearch is configured or when Elasticsearch is down. Queries are
answered by the indexes and one SQL statement (`database_sql`), ranked as Elasticsearch ranks
(`bm25_sql`).
"""

from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import datetime

from django.db import connection
from django.db.models import Count

from ..cursor import encode_cursor
from ..documents import FACET_FIELDS, SearchRecord
from ..folding import fold_words, original_words
from ..highlight import highlight
from ..models import SearchEntry, SearchTerm
from . import bm25_sql
from . import database_sql as sql
from .base import Hit, SearchBackend, SearchQuery, SearchResults
from .database_rows import filter_token, record_of
from .database_writes import batched, delete_keys, write_batch
from .fulltext_sql import fulltext_match, prefix_match

MORE_LIKE_THIS_WORDS = 12
HIT_FIELDS = ("key", "kind", "agency", "published_at", "payload", "text")


def _hit(row: dict, score: float, query_text: str) -> Hit:
    return Hit(
        key=row["key"],
        kind=row["kind"],
        title=row["payload"]["title"],
        url=row["payload"]["url"],
        highlight=highlight(row["text"], query_text) if query_text else "",
        score=score,
        agency=row["agency"],
        published_at=row["published_at"],
    )


def hits_for(keys: list[str], scores: list[float], query_text: str) -> list[Hit]:
    rows = {row["key"]: row for row in SearchEntry.objects.filter(key__in=keys).values(*HIT_FIELDS)}
    return [
        _hit(rows[key], score, query_text)
        for key, score in zip(keys, scores, strict=True)
        if key in rows
    ]


def filter_groups(filters: dict[str, list[str]]) -> list[list[str]]:
    return [
        [filter_token(facet, str(value)) for value in values]
        for facet, values in filters.items()
        if facet in FACET_FIELDS and values
    ]


def ranking(text: str, words: list[str]) -> sql.Ranking:
    """Elasticsearch's BM25 of the folded words plus the bonuses of the original words."""
    score = bm25_sql.score(connection.vendor, words, *bm25_sql.statistics(words))
    bonus = bm25_sql.bonus(connection.vendor, fold_words(text), original_words(text))
    return sql.Ranking(
        columns=[
            *bm25_sql.counts(connection.vendor, words),
            bm25_sql.Sql(f"{bonus.text} AS bonus", bonus.params),
        ],
        score=_plus_bonus(score),
    )


def _plus_bonus(score: bm25_sql.Sql) -> bm25_sql.Sql:
    return bm25_sql.Sql(f"bonus + {score.text}", score.params)


class DatabaseBackend(SearchBackend):
    name = "database"

    def upsert(self, records: Iterable[SearchRecord]) -> None:
        for batch in batched(records):
            write_batch(batch)

    def delete(self, keys: Iterable[str]) -> None:
        delete_keys(keys)

    def rebuild(self, records: Iterable[SearchRecord]) -> int:
        """Write every record, one short transaction per batch, then drop the entries no record
        named: readers see the old or the new state of each entry, never an empty index."""
        written: set[str] = set()
        for batch in batched(records):
            write_batch(batch)
            written.update(record.key for record in batch)
        stale = SearchEntry.objects.values_list("key", flat=True).iterator(chunk_size=2000)
        delete_keys([key for key in stale if key not in written])
        return len(written)

    def stamps(self) -> dict[str, str]:
        return dict(SearchEntry.objects.values_list("key", "stamp"))

    def records(self) -> Iterator[SearchRecord]:
        """Every stored record, for filling Elasticsearch."""
        rows = SearchEntry.objects.order_by("id").values_list("payload", "text")
        for payload, text in rows.iterator(chunk_size=500):
            yield record_of(payload, text)

    def record(self, key: str) -> SearchRecord | None:
        row = SearchEntry.objects.filter(key=key).values_list("payload", "text").first()
        return record_of(*row) if row else None

    def search(self, query: SearchQuery) -> SearchResults:
        words = list(dict.fromkeys(fold_words(query.text)))
        match = fulltext_match(connection.vendor, words, filter_groups(query.filters))
        chosen = sql.selection(match, query.public_only, query.now)
        by_relevance = bool(words) and query.sort == "relevance"
        order = ranking(query.text, words) if by_relevance else sql.Ranking()
        position = query.cursor or {}
        offset = int(position.get("offset", position.get("shown", query.offset)))
        sort = "relevance" if by_relevance else "date"
        with connection.cursor() as cursor:
            found = sql.page(cursor, chosen, order, sort, query.size, offset, query.facets)
        hits = hits_for(found.keys, found.scores, query.text if words else "")
        more = offset + len(found.keys) < found.total
        next_cursor = (
            encode_cursor(self.name, {"offset": offset + len(found.keys)}) if more else None
        )
        return SearchResults(
            hits=hits, total=found.total, facets=found.facets, next_cursor=next_cursor
        )

    def autocomplete(self, prefix: str, size: int, public_only: bool, now: datetime) -> list[Hit]:
        match = prefix_match(connection.vendor, prefix)
        if match is None:
            return []
        chosen = sql.selection(match, public_only, now)
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT e.key {chosen.from_where} ORDER BY length(e.title), e.id LIMIT %s",
                [*chosen.params, size],
            )
            keys = [key for (key,) in cursor.fetchall()]
        return hits_for(keys, [0.0] * len(keys), "")

    def more_like_this(self, key: str, size: int, public_only: bool, now: datetime) -> list[Hit]:
        entry = SearchEntry.objects.filter(key=key).values("title_folded", "text_folded").first()
        if entry is None:
            return []
        words = _telling_words(entry["title_folded"].split() + entry["text_folded"].split())
        if not words:
            return []
        match = fulltext_match(connection.vendor, words, [], any_word=True)
        chosen = sql.selection(match, public_only, now)
        chosen.add("e.key <> %s", key)
        score = bm25_sql.score(connection.vendor, words, *bm25_sql.statistics(words))
        order = sql.Ranking(columns=bm25_sql.counts(connection.vendor, words), score=score)
        with connection.cursor() as cursor:
            found = sql.page(cursor, chosen, order, "relevance", size, 0, facets=False)
        return hits_for(found.keys, found.scores, "")

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


def _telling_words(words: list[str]) -> list[str]:
    """The words that say most about an entry: frequent in it, rare in the index (tf × idf)."""
    frequent = Counter(word for word in words if len(word) > 2)
    idf = bm25_sql.statistics(list(frequent))[1].idf
    ranked = sorted(frequent, key=lambda word: (-frequent[word] * idf[word], word))
    return ranked[:MORE_LIKE_THIS_WORDS]
