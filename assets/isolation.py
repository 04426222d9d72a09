"""Run untrusted decoding in a child process with memory, CPU and time limits.

Native decoders (Pillow's codecs, OpenCV, pdqhash, pdfium) can crash on a hostile file, or eat
all memory or CPU. `run_isolated(function, *args)` calls a module-level function in a child forked
from a fork server (a clean single-threaded process started once, which has the decoders already
imported), under RLIMIT_AS and RLIMIT_CPU, killed after a wall-clock limit. A crash, an
out-of-memory or a runaway costs that one call: the caller gets an `IsolatedFailure`, never a dead
web server or worker. Exceptions the function raises (a refused upload, a Pillow error) reach the
caller as they are.

The function gets plain, picklable values (a path, numbers) and returns a picklable result. It
runs without Django's app registry: pure decoding, no models, no settings read in the child.
This module imports no app.
"""

from __future__ import annotations

import importlib
import logging
import multiprocessing
import os
import pickle
import resource
import signal
import threading
from dataclasses import dataclass
from multiprocessing import forkserver

logger = logging.getLogger(__name__)

MB = 1024 * 1024
# Imported once in the fork server, so that each child starts with them at no cost; callers add
# the modules of their isolated functions with `preload()` (e.g. from their app's ready()).
PRELOAD = ["PIL.Image", "PIL.ImageFile", "numpy", "cv2", "pdqhash", "pypdfium2", "pypdf"]
PRELOAD_VARIABLE = "NCRL_ISOLATION_PRELOAD"
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


class IsolatedFailure(Exception):
    """The isolated call did not return: the file cannot be decoded safely."""


class Crashed(IsolatedFailure):
    """The child died of a signal (a segmentation fault, an abort) or exited abnormally."""


class OutOfMemory(IsolatedFailure):
    """Decoding needed more memory than the limit allows."""


class TimedOut(IsolatedFailure):
    """Decoding took longer than its CPU or wall-clock limit."""


@dataclass(frozen=True)
class Limits:
    memory_mb: int = 2048
    cpu_seconds: int = 60
    wall_seconds: float = 90.0

    @classmethod
    def from_environment(cls) -> Limits:
        """Deployment-wide defaults: NCRL_DECODE_MAX_MEMORY_MB, NCRL_DECODE_MAX_CPU_SECONDS,
        NCRL_DECODE_MAX_WALL_SECONDS."""
        return cls(
            memory_mb=int(os.environ.get("NCRL_DECODE_MAX_MEMORY_MB", cls.memory_mb)),
            cpu_seconds=int(os.environ.get("NCRL_DECODE_MAX_CPU_SECONDS", cls.cpu_seconds)),
            wall_seconds=float(os.environ.get("NCRL_DECODE_MAX_WALL_SECONDS", cls.wall_seconds)),
        )


_context_lock = threading.Lock()
_context = None


def preload(*module_names: str) -> None:
    """Import these modules in the fork server (call before the first isolated call)."""
    with _context_lock:
        if _context is not None:
            logger.warning("The fork server runs already; %s imported per call", module_names)
        PRELOAD.extend(name for name in module_names if name not in PRELOAD)


def start() -> None:
    """Start the fork server now rather than at the first isolated call (it keeps a socket in the
    temporary folder of the moment)."""
    _fork_server()


def _fork_server():
    global _context
    with _context_lock:
        if _context is None:
            _context = _start_fork_server()
        return _context


def _start_fork_server():
    """The fork server imports this module, which imports PRELOAD there (see the end)."""
    for name in THREAD_VARIABLES:  # one decoding thread per child: the limits stay meaningful
        os.environ.setdefault(name, "1")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    os.environ[PRELOAD_VARIABLE] = ",".join(PRELOAD)
    try:
        forkserver.ensure_running()
    finally:
        os.environ.pop(PRELOAD_VARIABLE, None)
    return context


def run_isolated(function, *args, limits: Limits | None = None, **kwargs):
    """`function(*args, **kwargs)` in a limited child; its result, its exception, or an
    IsolatedFailure (Crashed, OutOfMemory, TimedOut)."""
    limits = limits or Limits.from_environment()
    context = _fork_server()
    receiver, sender = context.Pipe(duplex=False)
    name = getattr(function, "__qualname__", "call")
    child = context.Process(
        target=_child_main, args=(sender, limits, function, args, kwargs), daemon=True
    )
    child.start()
    sender.close()
    try:
        outcome = _receive(receiver, limits)
    finally:
        receiver.close()
        _reap(child)
    if outcome is None:
        raise _death(name, child.exitcode)
    return _unwrap(name, outcome)


def _receive(receiver, limits: Limits):
    """The child's message; None when it died without one."""
    if not receiver.poll(limits.wall_seconds):
        return ("timeout", f"still running after {limits.wall_seconds:g} s")
    try:
        return receiver.recv()
    except (EOFError, OSError):
        return None
    except Exception as error:  # noqa: BLE001 - a result that cannot be unpickled
        return ("failure", f"unreadable result: {error}")


def _reap(child) -> None:
    child.join(timeout=1)
    if child.is_alive():
        child.kill()
        child.join(timeout=5)


def _unwrap(name: str, outcome):
    kind, value = outcome
    if kind == "ok":
        return value
    if kind == "raised":
        raise value
    if kind == "memory":
        raise OutOfMemory(f"{name}: more memory needed than allowed ({value})")
    if kind == "timeout":
        raise TimedOut(f"{name}: {value}")
    raise Crashed(f"{name}: {value}")


def _death(name: str, exitcode: int | None) -> IsolatedFailure:
    if exitcode is not None and exitcode < 0:
        signum = -exitcode
        if signum in (signal.SIGXCPU, signal.SIGKILL):
            return TimedOut(f"{name}: killed at the CPU time limit ({signal.strsignal(signum)})")
        return Crashed(f"{name}: the decoding process died of {signal.strsignal(signum)}")
    return Crashed(f"{name}: the decoding process ended with exit code {exitcode}")


def _child_main(sender, limits: Limits, function, args, kwargs) -> None:
    _apply_limits(limits)
    try:
        outcome = ("ok", function(*args, **kwargs))
    except MemoryError as error:
        outcome = ("memory", str(error) or "MemoryError")
    except BaseException as error:  # noqa: BLE001 - everything goes back to the caller
        outcome = ("raised", error)
    try:
        sender.send(outcome)
    except MemoryError:
        sender.send(("memory", "the result was too large"))
    except (pickle.PicklingError, TypeError, AttributeError) as error:
        sender.send(("failure", f"{type(outcome[1]).__name__}: {outcome[1]} ({error})"))
    finally:
        sender.close()


def _apply_limits(limits: Limits) -> None:
    memory = limits.memory_mb * MB
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    signal.signal(signal.SIGXCPU, _out_of_cpu)


def _out_of_cpu(signum, frame):
    raise TimedOut("CPU time limit")


def _import_preloads() -> None:
    """In the fork server only: import the decoders once; one that fails is imported per call."""
    for name in filter(None, os.environ.get(PRELOAD_VARIABLE, "").split(",")):
        try:
            importlib.import_module(name)
        except Exception as error:  # noqa: BLE001 - the server must start whatever a module does
            logger.warning("Not preloaded for isolated calls: %s (%r)", name, error)


_import_preloads()
