"""Whether Elasticsearch is worth asking right now (a small per-process circuit breaker).

After a failure, callers go straight to the database for RETRY_AFTER_SECONDS instead of waiting on
a dead server for every request; the first success afterwards reports that it had been down, so
the updates queued meanwhile can be replayed.
"""

import time

from django.conf import settings

_state = {"down_until": 0.0, "was_down": False}


def should_try() -> bool:
    return time.monotonic() >= _state["down_until"]


def mark_down() -> None:
    retry_after = settings.LIBRARY_SEARCH.get("RETRY_AFTER_SECONDS", 15)
    _state["down_until"] = time.monotonic() + retry_after
    _state["was_down"] = True


def mark_up() -> bool:
    """Record a success; True when Elasticsearch had been down before it."""
    was_down = _state["was_down"]
    _state.update(down_until=0.0, was_down=False)
    return was_down


def reset() -> None:
    _state.update(down_until=0.0, was_down=False)
