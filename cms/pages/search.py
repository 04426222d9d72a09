"""The hub's search page: full text with facets, over the library's one search interface."""

from django.template.response import TemplateResponse

from search import queries
from search.documents import FACET_FIELDS
from search.duplicates.groups import groups_of
from search.paging import BadParameter, check_text, page_and_size

PAGE_SIZE = 20


def hub_search(request):
    params = request.GET
    query = params.get("q", "").strip()
    filters = {facet: params.getlist(facet) for facet in FACET_FIELDS if params.getlist(facet)}
    try:
        check_text(params)
        page, _size = page_and_size({"page": params.get("page"), "size": str(PAGE_SIZE)}, PAGE_SIZE)
    except BadParameter as error:
        return TemplateResponse(
            request,
            "pages/search.html",
            {"query": query, "filters": filters, "error": error.message},
            status=400,
        )
    results = (
        queries.search(query, filters=filters, page=page, size=PAGE_SIZE)
        if (query or filters)
        else None
    )
    rows = _canonical_rows(results) if results else []
    return TemplateResponse(
        request,
        "pages/search.html",
        {
            "query": query,
            "filters": filters,
            "results": results,
            "rows": rows,
            "page_number": page,
        },
    )


def _canonical_rows(results) -> list[tuple]:
    """(hit, agencies credited): copies of one work show once, as their canonical asset, or as
    the first of them found when the canonical one is not among the hits (not public): a work
    never disappears from the hub because of the group it is in."""
    groups = groups_of([hit.key for hit in results.hits])
    hit_keys = {hit.key for hit in results.hits}
    shown_groups = set()
    rows = []
    for hit in results.hits:
        group = groups.get(hit.key)
        if group is None:
            rows.append((hit, []))
            continue
        canonical = group["canonical"]
        if canonical in shown_groups or (canonical != hit.key and canonical in hit_keys):
            continue
        shown_groups.add(canonical)
        rows.append((hit, group["agencies"]))
    return rows
