"""The database backend's query as one SQL statement: the matching entries are selected and scored
once (a materialized common table expression), then one page of them, their number and the facet
counts over them are read from it together."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from ..documents import FACET_FIELDS
from .bm25_sql import Sql
from .fulltext_sql import ENTRY_TABLE, FullTextMatch

FACET_TABLE = "library_search_searchfacet"
FACET_VALUES_SHOWN = 20
HIT, TOTAL, FACET = 0, 1, 2
ORDERS = {
    "relevance": "score DESC, key DESC",
    "date": "published_at DESC NULLS LAST, key DESC",
}


@dataclass
class EntrySelection:
    """FROM/WHERE of the entries a query selects, with their parameters in order."""

    from_clause: str = f"FROM {ENTRY_TABLE} e"
    conditions: list[str] = field(default_factory=list)
    params: list = field(default_factory=list)

    def add(self, condition: str, *params) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    @property
    def from_where(self) -> str:
        where = " AND ".join(self.conditions) or "1=1"
        return f"{self.from_clause} WHERE {where}"


def selection(match: FullTextMatch | None, public_only: bool, now: datetime) -> EntrySelection:
    chosen = EntrySelection()
    if match is not None:
        chosen.from_clause = match.from_clause
        chosen.add(match.where, *match.params)
    if public_only:
        chosen.add("e.is_public = %s", True)
        chosen.add("(e.embargo_until IS NULL OR e.embargo_until <= %s)", now)
    return chosen


@dataclass
class Ranking:
    """Per-entry columns (word counts, bonus) and the score computed from them."""

    columns: list[Sql] = field(default_factory=list)
    score: Sql = field(default_factory=lambda: Sql("0", []))


@dataclass
class Page:
    keys: list[str]
    scores: list[float]
    total: int
    facets: dict[str, list[tuple[str, int]]]


def _statement(chosen: EntrySelection, ranking: Ranking, order: str, facets: bool) -> Sql:
    columns = "".join(f", {column.text}" for column in ranking.columns)
    parts = [
        f"SELECT {HIT} AS part, key, NULL AS value, score,"
        f" ROW_NUMBER() OVER (ORDER BY {order}) AS number"
        f" FROM (SELECT * FROM chosen ORDER BY {order} LIMIT %s OFFSET %s) AS page",
        f"SELECT {TOTAL}, NULL, NULL, NULL, COUNT(*) FROM chosen",
    ]
    if facets:
        parts.append(
            f"SELECT {FACET}, f.field, f.value, NULL, COUNT(*) FROM chosen"
            f" JOIN {FACET_TABLE} f ON f.entry_id = chosen.id GROUP BY f.field, f.value"
        )
    text = (
        "WITH matched AS MATERIALIZED ("
        f"SELECT e.id, e.key, e.published_at, e.title_length, e.text_length{columns}"
        f" {chosen.from_where}"
        f"), chosen AS MATERIALIZED (SELECT id, key, published_at, {ranking.score.text} AS score"
        " FROM matched) " + " UNION ALL ".join(parts)
    )
    params = [p for column in ranking.columns for p in column.params] + chosen.params
    return Sql(text, params + ranking.score.params)


def page(
    cursor, chosen: EntrySelection, ranking: Ranking, sort: str, limit: int, offset: int,
    facets: bool,
) -> Page:  # fmt: skip
    """One page of keys with their scores, best first, the number of entries and facet counts."""
    statement = _statement(chosen, ranking, ORDERS[sort], facets)
    cursor.execute(statement.text, [*statement.params, limit, offset])
    hits, total, counted = [], 0, defaultdict(list)
    for part, name, value, score, number in cursor.fetchall():
        if part == HIT:
            hits.append((number, name, score))
        elif part == TOTAL:
            total = number
        else:
            counted[name].append((value, number))
    hits.sort()
    return Page(
        keys=[key for _number, key, _score in hits],
        scores=[float(score or 0) for _number, _key, score in hits],
        total=total,
        facets=_facet_lists(counted),
    )


def _facet_lists(counted: dict[str, list[tuple[str, int]]]) -> dict[str, list[tuple[str, int]]]:
    return {
        facet: sorted(counted[facet], key=lambda item: (-item[1], item[0]))[:FACET_VALUES_SHOWN]
        for facet in FACET_FIELDS
        if facet in counted
    }
