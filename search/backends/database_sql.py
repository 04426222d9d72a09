"""SQL for the database backend's queries: filters, facets, pagination, over entries `e`."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from ..documents import FACET_FIELDS
from .fulltext_sql import TextMatch

ENTRY_TABLE = "library_search_searchentry"
FACET_TABLE = "library_search_searchfacet"
FACET_VALUES_SHOWN = 20


@dataclass
class EntrySelection:
    """FROM/WHERE of the entries a query selects, with their parameters in order."""

    joins: str = ""
    conditions: list[str] = field(default_factory=list)
    params: list = field(default_factory=list)

    def add(self, condition: str, *params) -> None:
        self.conditions.append(condition)
        self.params.extend(params)

    @property
    def from_where(self) -> str:
        where = " AND ".join(self.conditions) or "1=1"
        return f"FROM {ENTRY_TABLE} e {self.joins} WHERE {where}"


def selection(
    match: TextMatch | None, filters: dict[str, list[str]], public_only: bool, now: datetime
) -> EntrySelection:
    chosen = EntrySelection()
    if match is not None:
        chosen.joins = match.joins
        chosen.add(match.where, *match.where_params)
    if public_only:
        chosen.add("e.is_public = %s", True)
        chosen.add("(e.embargo_until IS NULL OR e.embargo_until <= %s)", now)
    for facet, values in filters.items():
        if facet not in FACET_FIELDS or not values:
            continue
        marks = ", ".join(["%s"] * len(values))
        chosen.add(
            f"e.id IN (SELECT entry_id FROM {FACET_TABLE} WHERE field = %s AND value IN ({marks}))",
            facet,
            *[str(value) for value in values],
        )
    return chosen


def count(cursor, chosen: EntrySelection) -> int:
    cursor.execute(f"SELECT COUNT(*) {chosen.from_where}", chosen.params)
    return cursor.fetchone()[0]


def facet_counts(cursor, chosen: EntrySelection) -> dict[str, list[tuple[str, int]]]:
    cursor.execute(
        f"SELECT f.field, f.value, COUNT(*) FROM {FACET_TABLE} f "
        f"WHERE f.entry_id IN (SELECT e.id {chosen.from_where}) GROUP BY f.field, f.value",
        chosen.params,
    )
    grouped: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for facet, value, hits in cursor.fetchall():
        grouped[facet].append((value, hits))
    return {
        facet: sorted(grouped[facet], key=lambda item: (-item[1], item[0]))[:FACET_VALUES_SHOWN]
        for facet in FACET_FIELDS
        if facet in grouped
    }


def page_rows(
    cursor, chosen: EntrySelection, match: TextMatch | None, sort: str, limit: int, offset: int
) -> list[tuple]:
    """Rows of (id, score) for one page, best first."""
    by_relevance = match is not None and sort == "relevance"
    score = match.score if by_relevance else "0"
    order = (
        "score DESC, e.key DESC" if by_relevance else "e.published_at DESC NULLS LAST, e.key DESC"
    )
    params = (match.score_params if by_relevance else []) + chosen.params + [limit, offset]
    cursor.execute(
        f"SELECT e.id, {score} AS score {chosen.from_where} ORDER BY {order} LIMIT %s OFFSET %s",
        params,
    )
    return cursor.fetchall()
