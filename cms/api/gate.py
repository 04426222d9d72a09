"""The door of every API path (v3, search, feeds, OAI-PMH): who calls, within which limit.

A bearer token must be valid (401 otherwise) and its consumer active (403); without a token the
caller is anonymous, whatever session cookie it sends, at the anonymous limit of its address
(cms/api/addresses.py). Past its limit a caller gets 429 with `Retry-After`. Every answer carries
the RateLimit headers.
"""

from django.contrib.auth.models import AnonymousUser
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _

from assets.api_tokens import bearer_token

from . import limits, tokens
from .addresses import client_address
from .problems import problem

API_PREFIXES = ("/api/v3/", "/feeds/", "/oai")
UNMETERED = ("/api/v3/docs", "/api/v3/openapi.json")
# Machine answers (API errors, file refusals) speak the client's Accept-Language; the hub's
# unprefixed pages are Vietnamese whatever the browser says (i18n_patterns), these are not.
NEGOTIATED = (*API_PREFIXES, "/assets/files/", "/documents/")


class ApiGateMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(NEGOTIATED):
            translation.activate(translation.get_language_from_request(request))
            request.LANGUAGE_CODE = translation.get_language()
        if not request.path.startswith(API_PREFIXES):
            return self.get_response(request)
        plaintext = bearer_token(request)
        caller = (
            tokens.resolve(plaintext)
            if plaintext
            else tokens.Caller(address=client_address(request))
        )
        if caller is None:
            return problem(
                401,
                _("The API token is unknown or revoked."),
                headers={"WWW-Authenticate": 'Bearer realm="api"'},
            )
        if caller.consumer is not None and not caller.consumer.is_active:
            return problem(403, _("This API consumer is suspended."))
        request.user = caller.token.user if caller.token else AnonymousUser()
        request.api_caller = caller
        if request.path.startswith(UNMETERED) or request.method == "OPTIONS":
            return self.get_response(request)
        verdict = limits.count_request(caller.identity, limits.limit_for(caller))
        if not verdict.allowed:
            return problem(
                429,
                _("Too many requests: %(limit)s per minute.") % {"limit": verdict.limit},
                headers={"Retry-After": str(verdict.reset_seconds), **verdict.headers()},
            )
        response = self.get_response(request)
        for name, value in verdict.headers().items():
            response[name] = value
        _cache_headers(request, response, anonymous=caller.token is None)
        return response


def _cache_headers(request, response, *, anonymous: bool) -> None:
    """Anonymous answers hold public items only: shared caches may keep them a minute."""
    patch_vary_headers(response, ["Authorization"])
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return
    if not response.has_header("Cache-Control"):
        response["Cache-Control"] = "public, max-age=60" if anonymous else "private, no-cache"
