"""Wagtail API tokens (`Authorization: Bearer wagtail_...`), as both doors that take them read
them: the upload endpoint (assets/tus/auth.py) and the press API (cms/api/tokens.py)."""

from django.conf import settings
from django.utils import timezone
from wagtail.models import APIToken


def bearer_token(request) -> str | None:
    scheme, _sep, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def active_token(plaintext: str, *related: str) -> APIToken | None:
    """The token, with its user (and `related`), unless it is unknown, revoked or its user
    inactive; its use is recorded."""
    token = (
        APIToken.objects.select_related("user", *related)
        .filter(key_hash__in=APIToken.candidate_key_hashes(plaintext), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    _mark_used(token)
    return token


def _mark_used(token: APIToken) -> None:
    """At most once per Wagtail's interval (None: never, as in Wagtail's own API): not a database
    write on every request of a large upload."""
    interval = getattr(settings, "WAGTAILAPI_TOKEN_LAST_USED_INTERVAL", 60)
    if interval is None:
        return
    now = timezone.now()
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() >= interval:
        APIToken.objects.filter(pk=token.pk).update(last_used_at=now)
