"""Stopping a worker cleanly: the task in hand finishes within a grace period, or goes back.

On SIGTERM or SIGINT the worker takes no new task. The task it is running gets `grace` seconds
to finish; then (or at a second signal) `WorkerStopping` is raised inside it, which unwinds the
task (its `finally` blocks and context managers run, subprocesses it waits on are killed) and the
worker puts it back in the queue for the next worker.
"""

import logging
import os
import signal
import sys

from django.db import connections

logger = logging.getLogger(__name__)
STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


class WorkerStopping(BaseException):
    """Raised inside a running task when its worker stops; not an Exception, so code that
    records a task's failures lets it through."""


class StopRequest:
    def __init__(self, grace_seconds: float):
        self.grace_seconds = grace_seconds
        self.requested = False
        self.task_running = False

    def install(self, on_idle_stop) -> None:
        """`on_idle_stop()` is called at a stop signal while no task runs (it may raise)."""
        self._on_idle_stop = on_idle_stop
        for signum in STOP_SIGNALS:
            signal.signal(signum, self._on_signal)
        signal.signal(signal.SIGALRM, self._on_grace_over)

    def _on_signal(self, signum, frame) -> None:
        again = self.requested
        self.requested = True
        if not self.task_running:
            self._on_idle_stop()
            return
        if again:
            raise WorkerStopping(f"stopped by a second {signal.strsignal(signum)}")
        logger.warning(
            "%s: the task in hand has %.0f s to finish, then it goes back to the queue",
            signal.strsignal(signum),
            self.grace_seconds,
        )
        signal.setitimer(signal.ITIMER_REAL, max(self.grace_seconds, 0.01))

    def _on_grace_over(self, signum, frame) -> None:
        if self.task_running:
            raise WorkerStopping("the worker is stopping")

    def task_started(self) -> None:
        self.task_running = True

    def task_ended(self) -> None:
        self.task_running = False
        signal.setitimer(signal.ITIMER_REAL, 0)


def leave(code: int) -> None:
    """End the process now that its work is saved: connections closed, output flushed.

    The interpreter's own teardown of two thousand modules takes seconds on a busy machine,
    longer than supervisors wait (honcho: 5 s) before SIGKILL; nothing in it matters here.
    """
    connections.close_all()
    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
