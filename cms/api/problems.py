"""The one error shape of every API door (v3, search, feeds, OAI-PMH, file licence refusals):
RFC 9457 problem details, `application/problem+json`, the shape Wagtail's API v3 uses."""

from django.http import HttpResponse
from wagtail.api.v3.errors import problem_response


def problem(
    status: int, detail: str = "", *, headers: dict | None = None, **kwargs
) -> HttpResponse:
    response = problem_response(status=status, detail=str(detail), **kwargs)
    for name, value in (headers or {}).items():
        response[name] = value
    return response
