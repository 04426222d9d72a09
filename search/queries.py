"""What the hub, the API and the duplicate matcher call: search, autocomplete, more like this,
find by terms. Elasticsearch answers when configured and up; otherwise the database does, and
the results say `degraded=True` when that was a fallback.
"""

import logging
from collections.abc import Callable
from typing import TypeVar

from django.utils import timezone

from . import availability
from .backends import get_database_backend, get_elastic_backend
from .backends.base import Hit, SearchBackend, SearchQuery, SearchResults
from .cursor import decode_cursor
from .documents import FACET_FIELDS

logger = logging.getLogger(__name__)
T = TypeVar("T")
MAX_PAGE_SIZE = 100


def _answer(ask: Callable[[SearchBackend], T]) -> tuple[T, bool]:
    """(answer, degraded): from Elasticsearch if possible, else from the database."""
    elastic = get_elastic_backend()
    if elastic is None:
        return ask(get_database_backend()), False
    breaker = availability.state()
    if availability.should_try(breaker):
        from .backends.elastic import UNAVAILABLE

        try:
            answer = ask(elastic)
        except UNAVAILABLE as error:
            logger.warning("Elasticsearch unavailable, answering from the database: %s", error)
            availability.mark_down()
        else:
            if availability.mark_up(breaker):
                _replay_later()
            return answer, False
    return ask(get_database_backend()), True


def _replay_later() -> None:
    from .tasks import replay_pending_updates

    replay_pending_updates.enqueue()


def clean_filters(filters: dict | None) -> dict[str, list[str]]:
    cleaned = {}
    for facet, values in (filters or {}).items():
        if facet not in FACET_FIELDS or values in (None, "", []):
            continue
        items = values if isinstance(values, list | tuple | set) else [values]
        cleaned[facet] = [str(value) for value in items if str(value)]
    return cleaned


def search(
    query: str = "",
    filters: dict | None = None,
    facets: bool = True,
    sort: str = "relevance",
    page: int = 1,
    size: int = 20,
    cursor: str | None = None,
    public_only: bool = True,
) -> SearchResults:
    """Full text (folded and exact), filters on facet fields, facet counts, one page of hits.

    Pass the previous answer's `next_cursor` to go deeper than `page` allows cheaply.
    """
    size = max(1, min(size, MAX_PAGE_SIZE))
    request = SearchQuery(
        text=query or "",
        filters=clean_filters(filters),
        facets=facets,
        sort="date" if sort == "date" else "relevance",
        size=size,
        offset=(max(page, 1) - 1) * size,
        cursor=decode_cursor(cursor),
        public_only=public_only,
        now=timezone.now(),
    )
    results, degraded = _answer(lambda backend: backend.search(request))
    results.degraded = degraded
    return results


def autocomplete(prefix: str, size: int = 8, public_only: bool = True) -> list[Hit]:
    now = timezone.now()
    hits, _degraded = _answer(lambda backend: backend.autocomplete(prefix, size, public_only, now))
    return hits


def more_like_this(key: str, size: int = 10, public_only: bool = True) -> list[Hit]:
    now = timezone.now()
    hits, _degraded = _answer(lambda backend: backend.more_like_this(key, size, public_only, now))
    return hits


def find_by_terms(
    terms: list[str], kinds: list[str] | None = None, limit: int = 50
) -> list[tuple[str, int]]:
    """Keys that share index terms (hashes, band terms) with these, most shared first.

    Candidates only: they include unpublished assets of every agency, so callers must verify the
    match and decide what to reveal.
    """
    found, _degraded = _answer(lambda backend: backend.find_by_terms(terms, kinds, limit))
    return found
