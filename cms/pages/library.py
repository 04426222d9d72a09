"""The library page: one search through the project's search interface, its hits as cards (each
grouped work once), the filters with counts, and the pages."""

import math
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils.translation import gettext_lazy as _

from search import queries
from search.paging import BadParameter, known_only, page_and_size

from .cards import Card, cards_for_keys
from .facets import ACCEPTED, Facet, build_facets
from .grouping import collapse

PAGE_SIZE = 20
MAX_QUERY_CHARS = 200
SORTS = ("relevance", "date")
KNOWN = ("q", "sort", "page", *ACCEPTED)


@dataclass
class LibraryRequest:
    query: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1

    @property
    def params(self) -> dict[str, list[str]]:
        params = {"q": [self.query]} if self.query else {}
        params.update(self.filters)
        if self.sort != self.default_sort:
            params["sort"] = [self.sort]
        return params

    @property
    def default_sort(self) -> str:
        return "relevance" if self.query else "date"


def parse(get) -> LibraryRequest:
    """Read the query string; a malformed page or sort, or a parameter the library does not know
    (`topics=` for `topic=`), is refused (BadParameter, a 400), not turned into a silent first
    page or an unfiltered search."""
    known_only(get, KNOWN)
    page, _size = page_and_size({"page": get.get("page"), "size": str(PAGE_SIZE)}, PAGE_SIZE)
    query = " ".join(get.get("q", "").split())[:MAX_QUERY_CHARS]
    sort = get.get("sort") or ("relevance" if query else "date")
    if sort not in SORTS:
        raise BadParameter("sort", _("“sort” must be relevance or date."))
    filters = {name: [v for v in get.getlist(name) if v] for name in ACCEPTED if get.getlist(name)}
    return LibraryRequest(query, {k: v for k, v in filters.items() if v}, sort, page)


@dataclass
class LibraryPage:
    request: LibraryRequest
    total: int
    cards: list[Card]
    facets: list[Facet]
    degraded: bool = False

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / PAGE_SIZE))

    @property
    def past_the_end(self) -> bool:
        """A page number beyond the results (a link made when there were more)."""
        return self.request.page > self.pages

    @property
    def first_shown(self) -> int:
        return (self.request.page - 1) * PAGE_SIZE + 1 if self.total else 0

    @property
    def last_shown(self) -> int:
        return min(self.request.page * PAGE_SIZE, self.total)

    @property
    def chosen(self) -> list:
        return [value for facet in self.facets for value in facet.selected]

    def page_url(self, number: int) -> str:
        params = dict(self.request.params)
        if number > 1:
            params["page"] = [str(number)]
        pairs = [(name, value) for name, values in params.items() for value in values]
        return "?" + urlencode(pairs) if pairs else "?"

    @property
    def first_page_url(self) -> str:
        return self.page_url(1)

    @property
    def previous_url(self) -> str:
        return self.page_url(self.request.page - 1)

    @property
    def next_url(self) -> str:
        return self.page_url(self.request.page + 1)

    @property
    def page_links(self) -> list[tuple[int | None, str]]:
        """(number, url) around the current page, with None for a gap."""
        current, last = self.request.page, self.pages
        numbers = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
        links, previous = [], 0
        for number in numbers:
            if number - previous > 1:
                links.append((None, ""))
            links.append((number, self.page_url(number)))
            previous = number
        return links


def run(library: LibraryRequest, base_filters: dict | None = None) -> LibraryPage:
    """Search; `base_filters` (a landing page's topic, say) apply but are not shown as chosen."""
    filters = {**library.filters, **(base_filters or {})}
    results = queries.search(
        library.query, filters=filters, sort=library.sort, page=library.page, size=PAGE_SIZE
    )
    rows = collapse([hit.key for hit in results.hits])
    highlights = {hit.key: hit.highlight for hit in results.hits}
    cards = {card.key: card for card in cards_for_keys([key for key, _agencies in rows])}
    shown = []
    for key, agencies in rows:
        card = cards.get(key)
        if card is not None:
            card.credited = agencies
            card.highlight = highlights.get(key, "")
            shown.append(card)
    facets = build_facets(results.facets, library.params, library.filters)
    return LibraryPage(library, results.total, shown, facets, results.degraded)
