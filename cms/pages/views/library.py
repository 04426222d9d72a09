"""The library page: search with filters, counts and pages (/search/, /en/search/)."""

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from ..caching import anonymous_cache
from ..library import parse, run
from ..seo import page_meta


@anonymous_cache
def library(request):
    found = run(parse(request.GET))
    if found.request.page > found.pages:
        raise Http404
    query = found.request.query
    title = _("Search results for “%(query)s”") % {"query": query} if query else _("Library")
    filters = dict(found.request.filters)
    if found.request.page > 1:
        filters["page"] = [str(found.request.page)]
    meta = page_meta(
        request,
        title,
        description=_("Infographics, videos, podcasts, documents and articles of every agency."),
        noindex=bool(query),  # result pages for typed words are not worth indexing
        query=filters,
    )
    return TemplateResponse(request, "pages/library.html", {"library": found, "meta": meta})
