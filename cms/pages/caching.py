"""Anonymous hub pages kept in the shared cache (Redis in production, a folder otherwise).

Only GET/HEAD requests without a session cookie are answered from the cache, and only complete
200 answers that set no cookie are kept. Every publication or change of a page, an asset or a
term starts a new generation: older entries are never read again and expire on their own, so a
withdrawn asset disappears from every page at once.
"""

import functools
import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language

GENERATION_KEY = "hub:generation"
BROWSER_MAX_AGE = 60
KEPT_HEADERS = ("Content-Type", "Content-Language", "Vary", "X-Robots-Tag")


def generation() -> int:
    return cache.get_or_set(GENERATION_KEY, 1, None)


def new_generation(**_kwargs) -> None:
    """A signal handler: whatever changed, every cached page is out of date."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def _cacheable_request(request) -> bool:
    return (
        settings.HUB_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _key(request) -> str:
    digest = hashlib.sha256(
        f"{request.get_host()}|{get_language()}|{request.get_full_path()}".encode()
    ).hexdigest()[:40]
    return f"hub:page:{generation()}:{digest}"


def _cacheable_response(response) -> bool:
    return (
        response.status_code == 200
        and not response.cookies
        and not getattr(response, "streaming", False)
        and getattr(response, "hub_cacheable", True)
    )


def anonymous_cache(view):
    """Serve `view` from the cache to anonymous visitors and keep what it renders for them."""

    @functools.wraps(view)
    def cached_view(request, *args, **kwargs):
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            response["X-Hub-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        if _cacheable_response(response):
            patch_cache_control(response, public=True, max_age=BROWSER_MAX_AGE)
            headers = {name: response[name] for name in (*KEPT_HEADERS, "Cache-Control")
                       if response.has_header(name)}  # fmt: skip
            cache.set(key, (response.content, headers), settings.HUB_CACHE_SECONDS)
            response["X-Hub-Cache"] = "miss"
        return response

    return cached_view


def uncacheable(response):
    """Mark a response that shows work in progress (a video still transcoding) or a preview:
    no shared cache keeps it, ours or another."""
    response.hub_cacheable = False
    patch_cache_control(response, private=True)
    return response
