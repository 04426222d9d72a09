"""The address an anonymous caller is counted under.

Behind reverse proxies every request comes from the proxy, so the address is taken from
`X-Forwarded-For`: each trusted proxy appends the address it saw, and only the entry the outermost
trusted proxy wrote can be believed (anything to its left was sent by the client)."""

from django.conf import settings


def client_address(request) -> str:
    hops = settings.NCRL_TRUSTED_PROXY_HOPS
    remote = request.META.get("REMOTE_ADDR", "")
    if hops <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    return forwarded[-hops] if len(forwarded) >= hops else remote
