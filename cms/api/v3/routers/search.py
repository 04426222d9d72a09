"""Search across kinds through the project's search interface (`search.queries`): folded
Vietnamese, facet counts, a cursor; each work of a duplicate group shown once, crediting every
agency that holds it; hits point at their API v3 representation."""

from datetime import datetime
from enum import StrEnum

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from pydantic import Field

from search import queries
from search.duplicates.groups import groups_of

from .. import auth
from ..errors import ERROR_RESPONSES
from ..params import MAX_LIMIT, only

router = Router(tags=["search"])
DETAIL = {
    "image": "image_detail",
    "document": "document_detail",
    "media": "media_detail",
    "article": "article_detail",
}


class SearchSort(StrEnum):
    RELEVANCE = "relevance"
    DATE = "date"


class SearchParams(Schema):
    q: str = Field("", max_length=200, description="Text, with or without diacritics")
    kind: list[str] = Field([], description="image, document, media, article")
    type: list[str] = Field([], description="photo, infographic, video, podcast, pdf…")
    topic: list[str] = []
    audience: list[str] = []
    agency: list[str] = []
    campaign: list[str] = []
    language: list[str] = []
    licence: list[str] = []
    year: list[int] = []
    sort: SearchSort = SearchSort.RELEVANCE
    facets: bool = Field(True, description="Include facet counts / Kèm số đếm theo nhóm")
    limit: int = Field(20, ge=1, le=MAX_LIMIT)
    cursor: str | None = None


class HitOut(Schema):
    key: str
    kind: str
    title: str
    highlight: str = ""
    score: float = 0.0
    agency: str = ""
    credited_agencies: list[str] = []
    published_at: datetime | None = None
    url: str | None = Field(None, description="API v3 representation of the hit")


class FacetValue(Schema):
    value: str
    count: int


class SearchOut(Schema):
    total: int
    items: list[HitOut]
    facets: dict[str, list[FacetValue]] = {}
    next_cursor: str | None = None
    degraded: bool = Field(False, description="Answered by the database while search is down")


def _once_per_work(hits) -> list[tuple]:
    """Hits in rank order, each duplicate group once (its best-ranked hit), with its agencies."""
    groups = groups_of([hit.key for hit in hits])
    seen, kept = set(), []
    for hit in hits:
        group = groups.get(hit.key)
        marker = group["canonical"] if group else hit.key
        if marker in seen:
            continue
        seen.add(marker)
        kept.append((hit, group["agencies"] if group else []))
    return kept


def _hit_url(request, hit) -> str | None:
    kind, _sep, pk = hit.key.partition(":")
    if kind not in DETAIL:
        return hit.url or None
    return request.build_absolute_uri(reverse(f"api_v3:{DETAIL[kind]}", args=[int(pk)]))


@router.get(
    "/search/",
    response={200: SearchOut, **ERROR_RESPONSES},
    url_name="search",
    operation_id="search",
    summary=("Search the library / Tìm kiếm"),
    description=(
        "Full text over assets and articles, Vietnamese with or without diacritics "
        '("chuyen doi so" finds "chuyển đổi số"), facet counts, cursor pagination.'
    ),
    auth=auth.READ,
)
@only(SearchParams)
def search(request: HttpRequest, params: SearchParams = Query(...)):
    filters = {
        name: [str(value) for value in getattr(params, name)]
        for name in ("kind", "type", "topic", "audience", "agency", "campaign", "language")
        + ("licence", "year")
        if getattr(params, name)
    }
    results = queries.search(
        params.q,
        filters=filters,
        facets=params.facets,
        sort=params.sort.value,
        size=params.limit,
        cursor=params.cursor,
    )
    items = [
        {
            "key": hit.key,
            "kind": hit.kind,
            "title": hit.title,
            "highlight": hit.highlight,
            "score": round(hit.score, 4),
            "agency": hit.agency,
            "credited_agencies": agencies,
            "published_at": hit.published_at,
            "url": _hit_url(request, hit),
        }
        for hit, agencies in _once_per_work(results.hits)
    ]
    return {
        "total": results.total,
        "items": items,
        "facets": {
            facet: [{"value": value, "count": count} for value, count in values]
            for facet, values in results.facets.items()
        },
        "next_cursor": results.next_cursor,
        "degraded": results.degraded,
    }
