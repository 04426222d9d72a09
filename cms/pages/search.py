"""The hub's search page: full text with facets, over the library's one search interface."""

from django.template.response import TemplateResponse

from search import queries
from search.documents import FACET_FIELDS


def hub_search(request):
    params = request.GET
    query = params.get("q", "").strip()
    filters = {facet: params.getlist(facet) for facet in FACET_FIELDS if params.getlist(facet)}
    try:
        page = max(1, int(params.get("page", "1")))
    except ValueError:
        page = 1
    results = (
        queries.search(query, filters=filters, page=page, size=20) if (query or filters) else None
    )
    return TemplateResponse(
        request,
        "pages/search.html",
        {
            "query": query,
            "filters": filters,
            "results": results,
            "page_number": page,
        },
    )
