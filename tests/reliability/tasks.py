"""A task that takes its time, for tests that stop a worker while it runs."""

import time
from pathlib import Path

from django_tasks import task


@task()
def sleep_then_mark(seconds: float, marker: str) -> str:
    """Sleep, then write `marker` (a file path): the file exists only if the task finished."""
    time.sleep(seconds)
    Path(marker).write_text("done")
    return marker
