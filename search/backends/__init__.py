"""Pick the search backends from settings.LIBRARY_SEARCH["URL"].

The database backend always exists (it is written on every change); Elasticsearch is added when
the URL is http(s). Callers use `search.queries` and `search.indexing`, never a backend directly.
"""

from functools import cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from .base import Hit, SearchBackend, SearchQuery, SearchResults
from .database import DatabaseBackend
from .elastic_index import IndexSettings

__all__ = [
    "Hit",
    "SearchBackend",
    "SearchQuery",
    "SearchResults",
    "get_backend",
    "get_database_backend",
    "get_elastic_backend",
]


@cache
def get_database_backend() -> DatabaseBackend:
    return DatabaseBackend()


@cache
def _elastic_backend(url: str, index: str, settings, timeout: float):
    from .elastic import ElasticsearchBackend

    return ElasticsearchBackend(url, index, settings=settings, timeout=timeout)


def get_elastic_backend():
    """The Elasticsearch backend, or None when search runs on the database alone."""
    config = settings.LIBRARY_SEARCH
    url = config.get("URL") or ""
    if not url:
        return None
    if not url.startswith(("http://", "https://")):
        raise ImproperlyConfigured(f"LIBRARY_SEARCH URL must be http(s)://, not {url!r}")
    settings_ = IndexSettings(
        shards=config.get("SHARDS", 1),
        replicas=config.get("REPLICAS", 1),
        refresh_interval=config.get("REFRESH_INTERVAL", "1s"),
    )
    return _elastic_backend(url, config["INDEX"], settings_, config.get("TIMEOUT_SECONDS", 5))


def get_backend() -> SearchBackend:
    """The backend that answers queries when all is well."""
    return get_elastic_backend() or get_database_backend()
