"""Authentication of v3 operations: the API gate (cms.api.gate) already resolved the bearer
token; these classes tell django-ninja (and the OpenAPI document) who may call what."""

from ninja.security import HttpBearer
from ninja.security.http import HttpAuthBase


class ApiToken(HttpBearer):
    """`Authorization: Bearer wagtail_…`, a Wagtail API token of a registered consumer."""

    def authenticate(self, request, token: str):
        caller = getattr(request, "api_caller", None)
        return caller.token if caller is not None and caller.token is not None else None


class Anonymous(HttpAuthBase):
    """No token: public items only, at the anonymous rate limit."""

    openapi_type = "http"
    openapi_scheme = "none"

    def __call__(self, request):
        return True


READ = [ApiToken(), Anonymous()]
WRITE = [ApiToken()]
