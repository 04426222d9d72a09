"""Who is uploading: an admin session (with its CSRF token) or an API bearer token.

API tokens are Wagtail 8's own `wagtail.models.APIToken` (`Authorization: Bearer wagtail_...`),
the tokens the headless API uses; no token model of our own.
"""

from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext_lazy as _

from ..api_tokens import active_token, bearer_token
from .protocol import ProtocolError

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def _csrf_refusal(request):
    return CsrfViewMiddleware(lambda _request: None).process_view(request, None, (), {})


def uploading_user(request):
    """The authenticated uploader, or ProtocolError 401/403."""
    token = bearer_token(request)
    if token is not None:
        api_token = active_token(token)
        if api_token is None:
            raise ProtocolError(401, str(_("The API token is not valid.")))
        return api_token.user
    if not request.user.is_authenticated:
        raise ProtocolError(401, str(_("Sign in or send an API token.")))
    if request.method not in SAFE_METHODS and _csrf_refusal(request) is not None:
        raise ProtocolError(403, str(_("The CSRF token is missing or wrong.")))
    return request.user
