"""A request that fails because the database or the storage is out of reach answers 503 with
Retry-After and a short page (JSON for the API and uploads), never a 500: browsers, API clients
and tus clients all know to try again. Public pages kept in the page cache go on being served
from Redis meanwhile."""

import logging

from botocore.exceptions import (
    ConnectionClosedError,
    ConnectTimeoutError,
    EndpointConnectionError,
    ReadTimeoutError,
)
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)
OUT_OF_REACH = (
    OperationalError,
    InterfaceError,
    EndpointConnectionError,
    ConnectTimeoutError,
    ReadTimeoutError,
    ConnectionClosedError,
)
RETRY_AFTER_SECONDS = 30
JSON_PREFIXES = ("/api/", "/assets/uploads/")


def unavailable(request) -> HttpResponse:
    message = _("The library is briefly unavailable. Please try again in a moment.")
    if request.path.startswith(JSON_PREFIXES):
        response = JsonResponse({"error": message, "code": "unavailable"}, status=503)
    else:
        page = render_to_string("operations/unavailable.html", {"message": message})
        response = HttpResponse(page, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DependencyOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OUT_OF_REACH):
            return None
        logger.error("%s %s: a dependency is out of reach: %r", request.method, request.path,
                     exception)  # fmt: skip
        return unavailable(request)
