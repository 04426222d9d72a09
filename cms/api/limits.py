"""Requests per minute per consumer, counted in the shared cache (Redis in production) so every
process of every machine counts together. A fixed one-minute window: `incr` is atomic in Redis."""

import contextlib
import fcntl
import time
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.filebased import FileBasedCache

WINDOW_SECONDS = 60


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    limit: int
    remaining: int
    reset_seconds: int

    def headers(self) -> dict[str, str]:
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset_seconds),
        }


def limit_for(caller) -> int:
    if caller.consumer is not None:
        return caller.consumer.rate_limit_per_minute
    if caller.token is not None:
        return settings.NCRL_API_RATE_LIMITS["token_per_minute"]
    return settings.NCRL_API_RATE_LIMITS["anonymous_per_minute"]


@contextlib.contextmanager
def counter_lock():
    """Redis increments atomically; a cache folder (embedded profile) does not, so processes
    take turns through a lock file beside it."""
    backend = caches["default"]
    if not isinstance(backend, FileBasedCache):
        yield
        return
    folder = Path(backend._dir)
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "api-rate.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def count_request(identity: str, limit: int) -> Verdict:
    now = time.time()
    window = int(now // WINDOW_SECONDS)
    key = f"api-rate:{identity}:{window}"
    with counter_lock():
        cache.add(key, 0, timeout=WINDOW_SECONDS * 2)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=WINDOW_SECONDS * 2)
            count = 1
    reset = max(1, int((window + 1) * WINDOW_SECONDS - now + 0.999))
    return Verdict(count <= limit, limit, max(limit - count, 0), reset)
