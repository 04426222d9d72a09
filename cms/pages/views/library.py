"""The library page: search with filters, counts and pages (/search/, /en/search/)."""

from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from ..library import parse, run
from ..seo import page_meta
from .refusals import refuses_bad_parameters


@refuses_bad_parameters
def library(request):
    found = run(parse(request.GET))
    query = found.request.query
    title = _("Search results for “%(query)s”") % {"query": query} if query else _("Library")
    filters = dict(found.request.filters)
    if found.request.page > 1:
        filters["page"] = [str(found.request.page)]
    meta = page_meta(
        request,
        title,
        description=_("Infographics, videos, podcasts, documents and articles of every agency."),
        # Result pages for typed words, and pages past the last, are not worth indexing.
        noindex=bool(query) or found.past_the_end,
        query=filters,
    )
    return TemplateResponse(request, "pages/library.html", {"library": found, "meta": meta})
