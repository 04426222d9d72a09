"""A malformed parameter (a page number, an order) gets a 400 page that names it."""

import functools

from django.template.response import TemplateResponse

from search.paging import BadParameter


def refuses_bad_parameters(view):
    @functools.wraps(view)
    def checked(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except BadParameter as error:
            return refusal(request, error)

    return checked


def refusal(request, error: BadParameter) -> TemplateResponse:
    return TemplateResponse(request, "400.html", {"error": error.message}, status=400)
