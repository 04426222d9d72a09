"""A running job's sign of life: its progress, written with a heartbeat from the job's own thread.

Every step of a job (copying the original, each ffmpeg run, each PDF page, storing the outputs)
asks `should_stop()` at least every half second or so; that writes the latest progress and a
heartbeat at most every `interval` seconds, so a long step never looks like a dead worker. When
the write finds the job no longer running under this attempt (cancelled in the admin, or handed
to another worker after this one looked dead), the job stops.
"""

from __future__ import annotations

import logging
import threading
import time

from django.db import DatabaseError
from django.utils import timezone

from .enums import JobStatus
from .models import TranscodeJob

logger = logging.getLogger(__name__)


class Pulse:
    def __init__(self, job_id: int, attempt: int, interval: float) -> None:
        self.job_id, self.attempt, self.interval = job_id, attempt, interval
        self._progress = 0.0
        self._lock = threading.Lock()
        self._last_beat = time.monotonic()
        self._lost = False

    @property
    def progress(self) -> float:
        return self._progress

    def report(self, percent: float) -> None:
        """Called from any thread (ffmpeg's output is read on its own): kept in memory only."""
        with self._lock:
            self._progress = max(self._progress, min(float(percent), 99.9))

    def should_stop(self) -> bool:
        if not self._lost and time.monotonic() - self._last_beat >= self.interval:
            self.beat()
        return self._lost

    def beat(self) -> None:
        self._last_beat = time.monotonic()
        try:
            alive = TranscodeJob.objects.filter(
                pk=self.job_id, status=JobStatus.RUNNING, attempts=self.attempt
            ).update(progress=round(self._progress, 1), heartbeat_at=timezone.now())
        except DatabaseError:
            # Busy database: this beat is skipped, the next one tries again.
            logger.warning("Job %s: progress not recorded this time", self.job_id, exc_info=True)
            return
        self._lost = not alive
