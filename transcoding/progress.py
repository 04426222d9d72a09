"""Run ffmpeg as a child process, report its progress and stop it on a time limit.

ffmpeg writes `key=value` lines to stdout with `-progress pipe:1`; `out_time_us` over the
source duration gives the percentage passed to `on_progress`.
"""

from __future__ import annotations

import subprocess
import threading
import time
from collections import deque
from collections.abc import Callable, Sequence
from typing import IO

from django.utils.translation import gettext_lazy as _

ProgressCallback = Callable[[float], None]

_STDERR_LINES_KEPT = 60


class FfmpegError(Exception):
    """ffmpeg exited with an error; the message holds the end of its log."""


class FfmpegTimeout(FfmpegError):
    """ffmpeg ran past its time limit and was killed."""


def run_ffmpeg(
    args: Sequence[str],
    *,
    duration: float = 0.0,
    on_progress: ProgressCallback | None = None,
    timeout: float | None = None,
    cwd: str | None = None,
    loglevel: str = "error",
) -> str:
    """Run `ffmpeg <args>`; call `on_progress(percent)` as it goes; kill it after `timeout` s.

    Returns the last lines ffmpeg wrote to stderr (filters such as loudnorm report there).
    """
    command = ["ffmpeg", "-hide_banner", "-nostdin", "-nostats", "-loglevel", loglevel,
               "-progress", "pipe:1", *args]  # fmt: skip
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd, text=True
    )
    stderr_tail: deque[str] = deque(maxlen=_STDERR_LINES_KEPT)
    readers = [
        _start_reader(process.stdout, lambda line: _on_progress_line(line, duration, on_progress)),
        _start_reader(process.stderr, stderr_tail.append),
    ]
    _wait_or_kill(process, timeout)
    for reader in readers:
        reader.join()
    if process.returncode != 0:
        log = "".join(stderr_tail).strip() or f"exit code {process.returncode}"
        raise FfmpegError(_("ffmpeg failed: %(log)s") % {"log": log})
    if on_progress is not None:
        on_progress(100.0)
    return "".join(stderr_tail)


def percent_done(out_time_us: int, duration: float) -> float:
    if duration <= 0:
        return 0.0
    return max(0.0, min(100.0, out_time_us / (duration * 1_000_000) * 100.0))


def _wait_or_kill(process: subprocess.Popen[str], timeout: float | None) -> None:
    started = time.monotonic()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
        elapsed = time.monotonic() - started
        raise FfmpegTimeout(
            _("ffmpeg was stopped after %(seconds).0f s (time limit %(limit).0f s).")
            % {"seconds": elapsed, "limit": timeout}
        ) from None


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
