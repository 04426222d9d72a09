"""The editors' library in the admin: every agency's published assets (and articles), searched
with or without diacritics and filtered by facets, through the hub library's own search; each
asset leads to its read-only admin page, from where it is reused through any picker."""

from django.http import HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from assets.kinds import kind_named
from cms.pages.library import parse, run
from search.keys import split_key
from search.paging import BadParameter


def admin_url_of(key: str, hub_url: str) -> str:
    """An asset's read-only admin page; anything else (an article) keeps its hub address."""
    kind_name, pk = split_key(key)
    kind = kind_named(kind_name)
    return reverse(kind.library_url_name, args=[pk]) if kind else hub_url


def library(request):
    try:
        found = run(parse(request.GET))
    except BadParameter as error:
        return HttpResponseBadRequest(error.message)
    results = [(card, admin_url_of(card.key, card.url)) for card in found.cards]
    context = {
        "library": found,
        "results": results,
        "page_title": _("Library of every agency"),
        "header_title": _("Library of every agency"),
    }
    return TemplateResponse(request, "library/browse.html", context)
