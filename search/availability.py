"""Whether Elasticsearch is worth asking right now: a circuit breaker shared by every process.

After a failure, callers in every web process and worker go straight to the database for
RETRY_AFTER_SECONDS instead of waiting on a dead server for every request; the first success
afterwards reports (to one caller only) that it had been down, so the updates queued meanwhile are
replayed once. The state lives in the shared cache (Redis in production); while the cache itself is
out of reach each process simply tries Elasticsearch.
"""

import time

from django.conf import settings
from django.core.cache import cache

DOWN_UNTIL_KEY = "search:elasticsearch:down-until"
WAS_DOWN_KEY = "search:elasticsearch:was-down"
WAS_DOWN_MEMORY_SECONDS = 7 * 24 * 3600


def state() -> dict:
    """The breaker as the shared cache holds it, in one round trip: a query reads it once and
    hands it to should_try and mark_up (nothing to record when Elasticsearch was never down)."""
    return cache.get_many([DOWN_UNTIL_KEY, WAS_DOWN_KEY])


def should_try(known: dict | None = None) -> bool:
    found = state() if known is None else known
    return time.time() >= (found.get(DOWN_UNTIL_KEY) or 0.0)


def mark_down() -> None:
    retry_after = settings.LIBRARY_SEARCH.get("RETRY_AFTER_SECONDS", 15)
    cache.set(DOWN_UNTIL_KEY, time.time() + retry_after, max(retry_after, 1))
    cache.set(WAS_DOWN_KEY, True, WAS_DOWN_MEMORY_SECONDS)


def mark_up(known: dict | None = None) -> bool:
    """Record a success; True (for one caller) when Elasticsearch had been down before it.
    `known`: the state read before the call (state())."""
    found = state() if known is None else known
    if not found:
        return False
    cache.delete(DOWN_UNTIL_KEY)
    # delete() answers whether the key was there: only one process replays.
    return WAS_DOWN_KEY in found and cache.delete(WAS_DOWN_KEY)


def reset() -> None:
    cache.delete_many([DOWN_UNTIL_KEY, WAS_DOWN_KEY])
