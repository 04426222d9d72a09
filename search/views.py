"""A small public JSON API over `search.queries` (no DRF): /api/search/ and its autocomplete."""

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from . import queries
from .backends.base import Hit
from .documents import FACET_FIELDS
from .paging import (
    MAX_AUTOCOMPLETE_SIZE,
    BadParameter,
    checked_cursor,
    known_only,
    one_of,
    page_and_size,
    whole_number,
)
from .work_groups import once_per_work

SEARCH_PARAMETERS = {"q", "page", "size", "cursor", "facets", "sort", *FACET_FIELDS}
AUTOCOMPLETE_PARAMETERS = {"q", "size"}


def bad_parameter(error: BadParameter) -> JsonResponse:
    return JsonResponse(
        {"error": {"parameter": error.parameter, "message": str(error.message)}}, status=400
    )


def hit_json(hit: Hit) -> dict:
    return {
        "key": hit.key,
        "kind": hit.kind,
        "title": hit.title,
        "url": hit.url,
        "highlight": hit.highlight,
        "score": round(hit.score, 4),
        "agency": hit.agency,
        "published_at": hit.published_at.isoformat() if hit.published_at else None,
    }


@require_GET
def search_view(request: HttpRequest) -> JsonResponse:
    params = request.GET
    try:
        known_only(params, SEARCH_PARAMETERS)
        page, size = page_and_size(params, default_size=20)
        cursor = checked_cursor(params)
        facets = one_of(params, "facets", ("1", "0"))
        sort = one_of(params, "sort", ("relevance", "date"))
    except BadParameter as error:
        return bad_parameter(error)
    filters = {facet: params.getlist(facet) for facet in FACET_FIELDS if facet in params}
    results = queries.search(
        params.get("q", ""),
        filters=filters,
        facets=facets == "1",
        sort=sort,
        page=page,
        size=size,
        cursor=cursor,
    )
    return JsonResponse(
        {
            "total": results.total,
            "hits": [hit_json(hit) for hit in once_per_work(results.hits)],
            "facets": {f: [[v, n] for v, n in values] for f, values in results.facets.items()},
            "next_cursor": results.next_cursor,
            "degraded": results.degraded,
        }
    )


@require_GET
def autocomplete_view(request: HttpRequest) -> JsonResponse:
    try:
        known_only(request.GET, AUTOCOMPLETE_PARAMETERS)
        size = whole_number(request.GET, "size", 8, 1, MAX_AUTOCOMPLETE_SIZE)
    except BadParameter as error:
        return bad_parameter(error)
    hits = queries.autocomplete(request.GET.get("q", ""), size=size)
    return JsonResponse({"suggestions": [hit_json(hit) for hit in hits]})
