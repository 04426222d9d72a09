"""Is each dependency answering, and how fast? One probe per part, each bounded in time.

A probe returns a `Probe`: state "up", "down" or "off" (not configured: the embedded choice, e.g.
database search instead of Elasticsearch), the time it took, and on failure the kind of error
(never its text: readiness answers are not the place for host names or credentials).
"""

import contextvars
import os
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from botocore.config import Config as BotocoreConfig
from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connections

from assets.storage.links import is_remote
from config.periodic.scheduler import HEARTBEAT_KEY
from search.backends import get_elastic_backend

from . import queues

UP, DOWN, OFF = "up", "down", "off"
PROBE_TIMEOUT_SECONDS = 3
SCHEDULER_SILENCE_SECONDS = 60


@dataclass
class Probe:
    state: str
    latency_ms: float = 0.0
    error: str = ""
    details: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {key: value for key, value in asdict(self).items() if value or key == "latency_ms"}


def timed(check: Callable[[], object]) -> Probe:
    """Run `check`; it returns details (a dict), OFF, or raises when the part is down."""
    started = time.perf_counter()
    try:
        outcome = check()
    except Exception as error:  # noqa: BLE001 - any failure means the part is down
        return Probe(DOWN, _ms(started), type(error).__name__)
    if outcome == OFF:
        return Probe(OFF)
    return Probe(UP, _ms(started), details=outcome or {})


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)


def check_database():
    connection = connections["default"]
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    finally:
        connection.close()  # probes run in their own threads: leave no connection behind


def check_cache():
    backend = getattr(cache, "_cache", None)
    if hasattr(backend, "get_client"):
        # Redis: ask the server itself (the cache object answers "empty" while it is down).
        backend.get_client(write=True).ping()
        return None
    cache.set("readyz-probe", "ok", 10)
    if cache.get("readyz-probe") != "ok":
        raise RuntimeError("the cache does not keep what it is given")
    return None


def check_broker():
    return queues.ping_broker()


def check_workers():
    counts = queues.workers_per_queue()
    if counts is None:
        return OFF
    idle = [name for name, count in counts.items() if count == 0]
    if idle:
        raise NoWorker(", ".join(idle))
    return {"queues": counts}


class NoWorker(Exception):
    """A queue has no worker listening."""


def check_scheduler():
    """The scheduler writes a heartbeat into the shared cache at every tick (a few seconds)."""
    beat = cache.get(HEARTBEAT_KEY)
    if beat is None:
        raise NoHeartbeat("no scheduler has ticked")
    age = time.time() - beat
    if age > SCHEDULER_SILENCE_SECONDS:
        raise NoHeartbeat(f"last tick {age:.0f} s ago")
    return {"last_tick_seconds_ago": round(age, 1)}


class NoHeartbeat(Exception):
    """The scheduler did not tick lately."""


def check_search():
    backend = get_elastic_backend()
    if backend is None:
        return OFF
    if not backend.ping():
        raise ConnectionError("Elasticsearch does not answer")
    return None


def check_storage():
    if is_remote(default_storage):
        _quick_s3_client(default_storage).head_bucket(Bucket=default_storage.bucket_name)
        return None
    root = settings.MEDIA_ROOT
    if not os.access(root, os.W_OK) and not os.access(os.path.dirname(root), os.W_OK):
        raise PermissionError("the media folder is not writable")
    return None


@lru_cache(maxsize=4)
def _quick_s3_client(storage):
    """A client of the storage's own session with short time-outs and a single attempt."""
    quick = BotocoreConfig(
        connect_timeout=PROBE_TIMEOUT_SECONDS,
        read_timeout=PROBE_TIMEOUT_SECONDS,
        retries={"max_attempts": 1, "mode": "standard"},
    )
    return storage._create_session().client(
        "s3",
        region_name=storage.region_name,
        endpoint_url=storage.endpoint_url,
        config=storage.client_config.merge(quick),
    )


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "broker": check_broker,
    "workers": check_workers,
    "scheduler": check_scheduler,
    "search": check_search,
    "storage": check_storage,
}


def probe_all() -> dict[str, Probe]:
    """Every probe at once, each in its own thread: the slowest bounds the answer."""
    with ThreadPoolExecutor(len(CHECKS), thread_name_prefix="readyz") as pool:
        futures = {
            # Each thread runs in a copy of this context: its log lines keep the request id.
            name: pool.submit(contextvars.copy_context().run, timed, check)
            for name, check in CHECKS.items()
        }
        return {name: future.result(PROBE_TIMEOUT_SECONDS * 2) for name, future in futures.items()}
