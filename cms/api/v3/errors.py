"""Every v3 error as a problem document (RFC 9457): Wagtail's handlers, plus 400 (not 422) for a
bad query parameter and 429/401/403 from the gate in the same shape."""

from django.utils.translation import gettext as _
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError
from ninja.errors import ValidationError as NinjaValidationError
from wagtail.api.v3.errors import problem_response, register_exception_handlers


class Problem(Schema):
    type: str = "about:blank"
    title: str
    status: int
    detail: str = ""
    errors: list[dict] | None = None


ERROR_RESPONSES = {
    400: Problem,
    401: Problem,
    403: Problem,
    404: Problem,
    410: Problem,
    429: Problem,
}


def register(api: NinjaAPI) -> None:
    register_exception_handlers(api)

    @api.exception_handler(NinjaValidationError)
    def invalid_request(request, exc: NinjaValidationError):
        in_query = all(error.get("loc", ["query"])[0] in ("query", "path") for error in exc.errors)
        return problem_response(
            status=400 if in_query else 422,
            detail=_("Invalid parameters") if in_query else _("Validation failed"),
            errors=[{key: value for key, value in e.items() if key != "ctx"} for e in exc.errors],
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        response = problem_response(status=401, detail=_("This operation needs an API token."))
        response["WWW-Authenticate"] = 'Bearer realm="api"'
        return response
