"""Test settings: the embedded profile unless the service variables (DATABASE_URL, REDIS_URL,
ELASTICSEARCH_URL, AWS_STORAGE_BUCKET_NAME) point at real servers, as `make test` does for the
production profile run."""

import os
import tempfile

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key")
os.environ.setdefault("NCRL_DATA_DIR", tempfile.mkdtemp(prefix="ncrl-test-"))

from .base import *  # noqa: E402,F403
from .base import DATA_DIR, DATABASES  # noqa: E402
from .base import TASKS as QUEUED_TASKS  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["TEST"] = {"NAME": str(DATA_DIR / "test.sqlite3")}

# Tasks run in the request; the "queue" backend is the profile's real queue (database or Redis),
# for tests that start a real worker process.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default", "transcoding"],
    },
    "queue": QUEUED_TASKS["default"],
}

LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
