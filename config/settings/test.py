"""Test settings: the embedded profile unless the service variables (DATABASE_URL, REDIS_URL,
ELASTICSEARCH_URL, AWS_STORAGE_BUCKET_NAME) point at real servers, as `make test` does for the
production profile run."""

import fcntl
import os
import tempfile
import uuid

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key")
# One id per test run, shared with the processes the tests start (they inherit the environment):
# the run's PostgreSQL database, Elasticsearch indexes and S3 key prefix carry it, so concurrent
# runs never meet and no run can pass on what an earlier one left behind.
TEST_RUN_ID = os.environ.setdefault("NCRL_TEST_RUN_ID", uuid.uuid4().hex[:10])
os.environ.setdefault("AWS_LOCATION", f"test-runs/{TEST_RUN_ID}")
os.environ.setdefault("ELASTICSEARCH_INDEX", f"ncrl-test-{TEST_RUN_ID}")
os.environ.setdefault("CACHE_KEY_PREFIX", f"ncrl-test-{TEST_RUN_ID}")
os.environ.setdefault("NCRL_DATA_DIR", tempfile.mkdtemp(prefix="ncrl-test-"))
# The tests' uploads weigh tens of MiB: parts of 8 MiB (S3 allows 5) make them several parts each.
os.environ.setdefault("NCRL_UPLOAD_PART_MIB", "8")
_redis_claims = []


def _claim_redis_database(url: str) -> str:
    """A Redis database number of this run's own (RQ queue names cannot carry a prefix): the first
    of 1..15 whose lock file no other live run holds. Worker processes inherit the claimed URL."""
    base = url.rsplit("/", 1)[0]
    for number in range(1, 16):
        lock = os.path.join(tempfile.gettempdir(), f"ncrl-test-redis-{number}.lock")
        handle = open(lock, "w")  # noqa: SIM115 (held open for the life of the run)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        _redis_claims.append(handle)
        return f"{base}/{number}"
    raise RuntimeError("every Redis database 1..15 is claimed by another test run")


if os.environ.get("REDIS_URL") and not os.environ.get("NCRL_TEST_REDIS_CLAIMED"):
    os.environ["REDIS_URL"] = _claim_redis_database(os.environ["REDIS_URL"])
    os.environ["NCRL_TEST_REDIS_CLAIMED"] = "1"

from .base import *  # noqa: E402,F403
from .base import CACHES, DATA_DIR, DATABASES, STATIC_ROOT, TASK_QUEUES  # noqa: E402
from .base import TASKS as PROFILE_TASKS  # noqa: E402

STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise looks there
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}
else:
    DATABASES["default"]["TEST"] = {"NAME": f"test_ncrl_{TEST_RUN_ID}"}

# Tasks run in the request; the "queue" backend is the profile's real queue (database or Redis),
# for tests that start a real worker process.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": list(TASK_QUEUES),
    },
    "queue": PROFILE_TASKS["default"],
    # The production profile's fallback while Redis is down (config/operations/outbox.py).
    **{alias: PROFILE_TASKS[alias] for alias in ("outbox",) if alias in PROFILE_TASKS},
}

LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}

# Pages are not kept between requests in tests: a rolled-back test leaves no signal behind that
# would empty the page cache for the next one. tests/operations/test_page_cache.py turns it on.
NCRL_PAGE_CACHE_SECONDS = 0

# Fuzzing the API (schemathesis) sends thousands of anonymous requests: the anonymous limit is
# tested with its own low value where it matters.
NCRL_API_RATE_LIMITS = {"anonymous_per_minute": 1_000_000, "token_per_minute": 1_000_000}

# Wagtail keeps rendition rows in a cache; ids start again in each test's rolled-back database,
# so a shared cache would hand one test another's rendition (conftest empties this one per test).
CACHES["renditions"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "ncrl-test-renditions",
}
