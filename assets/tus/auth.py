"""Who is uploading: an admin session (with its CSRF token) or an API bearer token.

API tokens are Wagtail 8's own `wagtail.models.APIToken` (`Authorization: Bearer wagtail_...`),
the tokens the headless API uses; no token model of our own.
"""

from django.conf import settings
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import APIToken

from .protocol import ProtocolError

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def bearer_token(request) -> str | None:
    scheme, _sep, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def user_of_token(token: str):
    api_token = (
        APIToken.objects.select_related("user")
        .filter(key_hash__in=APIToken.candidate_key_hashes(token), revoked_at__isnull=True)
        .first()
    )
    if api_token is None or not api_token.user.is_active:
        return None
    mark_used(api_token)
    return api_token.user


def mark_used(token: APIToken) -> None:
    """Record when a token was last used, at most once per Wagtail's interval (not a database
    write on every request of a large upload)."""
    interval = getattr(settings, "WAGTAILAPI_TOKEN_LAST_USED_INTERVAL", 60)
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() >= interval:
        APIToken.objects.filter(pk=token.pk).update(last_used_at=now)


def _csrf_refusal(request):
    return CsrfViewMiddleware(lambda _request: None).process_view(request, None, (), {})


def uploading_user(request):
    """The authenticated uploader, or ProtocolError 401/403."""
    token = bearer_token(request)
    if token is not None:
        user = user_of_token(token)
        if user is None:
            raise ProtocolError(401, str(_("The API token is not valid.")))
        return user
    if not request.user.is_authenticated:
        raise ProtocolError(401, str(_("Sign in or send an API token.")))
    if request.method not in SAFE_METHODS and _csrf_refusal(request) is not None:
        raise ProtocolError(403, str(_("The CSRF token is missing or wrong.")))
    return request.user
