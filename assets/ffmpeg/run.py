"""Run ffmpeg as a child process, report its progress and stop it on a time limit or request.

ffmpeg writes `key=value` lines to stdout with `-progress pipe:1`; `out_time_us` over the
source duration gives the percentage passed to `on_progress`. ffmpeg dies with the process
that started it (a killed worker leaves no encoder running on its own).
"""

from __future__ import annotations

import ctypes
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import IO

from django.utils.translation import gettext_lazy as _

ProgressCallback = Callable[[float], None]
StopRequested = Callable[[], bool]

_STDERR_LINES_KEPT = 60
_POLL_SECONDS = 0.5
_PR_SET_PDEATHSIG = 1


class FfmpegError(Exception):
    """ffmpeg exited with an error; the message holds the end of its log."""


class FfmpegTimeout(FfmpegError):
    """ffmpeg ran past its time limit and was killed."""


class FfmpegStopped(FfmpegError):
    """ffmpeg was killed because `should_stop` said so (the job was cancelled or taken over)."""


def run_ffmpeg(
    args: Sequence[str],
    *,
    duration: float = 0.0,
    on_progress: ProgressCallback | None = None,
    timeout: float | None = None,
    cwd: str | None = None,
    loglevel: str = "error",
    should_stop: StopRequested | None = None,
) -> str:
    """Run `ffmpeg <args>`; call `on_progress(percent)` as it goes; kill it after `timeout` s
    or as soon as `should_stop()` is true (checked twice a second).

    Returns the last lines ffmpeg wrote to stderr (filters such as loudnorm report there).
    """
    if should_stop is not None and should_stop():
        raise FfmpegStopped(_("ffmpeg was stopped on request."))
    command = ["ffmpeg", "-hide_banner", "-nostdin", "-nostats", "-loglevel", loglevel,
               "-progress", "pipe:1", *args]  # fmt: skip
    process = subprocess.Popen(
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=cwd,
        text=True,
        preexec_fn=die_with_parent,
    )
    stderr_tail: deque[str] = deque(maxlen=_STDERR_LINES_KEPT)
    readers = [
        _start_reader(process.stdout, lambda line: _on_progress_line(line, duration, on_progress)),
        _start_reader(process.stderr, stderr_tail.append),
    ]
    _wait_or_kill(process, timeout, should_stop)
    for reader in readers:
        reader.join()
    if process.returncode != 0:
        log = "".join(stderr_tail).strip() or f"exit code {process.returncode}"
        raise FfmpegError(_("ffmpeg failed: %(log)s") % {"log": log})
    if on_progress is not None:
        on_progress(100.0)
    return "".join(stderr_tail)


def scaled_progress(
    on_progress: ProgressCallback | None, start: float, end: float
) -> ProgressCallback | None:
    """A callback for one part of a task: its 0-100 % becomes `start`-`end` % of the whole."""
    if on_progress is None:
        return None
    return lambda percent: on_progress(start + percent * (end - start) / 100.0)


def percent_done(out_time_us: int, duration: float) -> float:
    if duration <= 0:
        return 0.0
    return max(0.0, min(100.0, out_time_us / (duration * 1_000_000) * 100.0))


def die_with_parent() -> None:
    """In the child before exec: be killed when the thread that started us dies (Linux only)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)


def _wait_or_kill(
    process: subprocess.Popen[str], timeout: float | None, should_stop: StopRequested | None
) -> None:
    started = time.monotonic()
    while True:
        try:
            process.wait(timeout=_POLL_SECONDS)
            return
        except subprocess.TimeoutExpired:
            pass
        except BaseException:  # the worker is stopping (SIGTERM, Ctrl-C): no orphan encoder
            _kill(process)
            raise
        elapsed = time.monotonic() - started
        if timeout is not None and elapsed > timeout:
            _kill(process)
            raise FfmpegTimeout(
                _("ffmpeg was stopped after %(seconds).0f s (time limit %(limit).0f s).")
                % {"seconds": elapsed, "limit": timeout}
            )
        if should_stop is not None and should_stop():
            _kill(process)
            raise FfmpegStopped(_("ffmpeg was stopped on request."))


def _kill(process: subprocess.Popen[str]) -> None:
    process.kill()
    process.wait()


def _start_reader(stream: IO[str] | None, handle: Callable[[str], None]) -> threading.Thread:
    def read() -> None:
        assert stream is not None
        for line in stream:
            handle(line)
        stream.close()

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread


def _on_progress_line(line: str, duration: float, on_progress: ProgressCallback | None) -> None:
    key, _sep, value = line.strip().partition("=")
    if on_progress is None or key != "out_time_us" or not value.lstrip("-").isdigit():
        return
    on_progress(percent_done(int(value), duration))
