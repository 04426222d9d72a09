"""The API's rate limits count per window of the real clock (cms/api/limits.py): a test's burst
must not straddle two windows, or its budget is split between them."""

import time

from cms.api.limits import WINDOW_SECONDS


def start_of_a_fresh_window(burst_seconds: float) -> None:
    """Return at once when a burst of `burst_seconds` fits in what is left of this window, else
    at the start of the next one."""
    left = WINDOW_SECONDS - time.time() % WINDOW_SECONDS
    if left < burst_seconds:
        time.sleep(left + 0.5)
