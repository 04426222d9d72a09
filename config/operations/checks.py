"""System checks for the task broker and the cache (ids operations.*).

Storage is checked in assets/checks.py, search in search/checks.py. Errors stop every management
command and the web server at start-up; the warnings tagged `deploy` appear with
`manage.py check --deploy` and say what a production deployment is missing.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

from .queues import RQ, backend_kind

REDIS_SCHEMES = ("redis", "rediss", "unix")
# Queues our own tasks are sent to; the backend must know each of them.
REQUIRED_QUEUES = ("default", "transcoding", "webhooks")
LOCAL_CACHES = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.filebased.FileBasedCache",
    "django.core.cache.backends.dummy.DummyCache",
)


@register(Tags.compatibility)
def check_broker(app_configs, **kwargs) -> list:
    errors = []
    redis_url = getattr(settings, "REDIS_URL", None)
    if redis_url and urlsplit(redis_url).scheme not in REDIS_SCHEMES:
        errors.append(
            Error(
                f"REDIS_URL has the scheme {urlsplit(redis_url).scheme!r}.",
                hint="Set REDIS_URL to redis://host:6379/0 (rediss:// with TLS).",
                id="operations.E001",
            )
        )
    backend = settings.TASKS.get("default", {})
    known = set(backend.get("QUEUES") or [])
    missing = [name for name in REQUIRED_QUEUES if known and name not in known]
    if missing:
        errors.append(
            Error(
                f"The task backend does not list the queues {', '.join(missing)}.",
                hint="Add them to TASKS['default']['QUEUES'] (config/settings/base.py, "
                "TASK_QUEUES); tasks sent there would be refused.",
                id="operations.E002",
            )
        )
    rq_queues = getattr(settings, "RQ_QUEUES", None)
    if backend_kind() == RQ and rq_queues is not None:
        unknown = sorted(known - set(rq_queues))
        if unknown:
            errors.append(
                Error(
                    f"RQ_QUEUES has no connection for the queues {', '.join(unknown)}.",
                    hint="Give every queue of TASK_QUEUES an entry in RQ_QUEUES.",
                    id="operations.E003",
                )
            )
    return errors


@register(Tags.compatibility)
def check_cache(app_configs, **kwargs) -> list:
    cache_url = getattr(settings, "CACHES", {}).get("default", {}).get("LOCATION", "")
    backend = settings.CACHES["default"]["BACKEND"]
    if "redis" in backend.lower() and isinstance(cache_url, str):
        scheme = urlsplit(cache_url.split(",")[0]).scheme
        if scheme not in REDIS_SCHEMES:
            return [
                Error(
                    f"The Redis cache location has the scheme {scheme!r}.",
                    hint="Set CACHE_URL (or REDIS_URL) to redis://host:6379/1.",
                    id="operations.E004",
                )
            ]
    return []


@register(Tags.security, deploy=True)
def check_production_services(app_configs, **kwargs) -> list:
    warnings = []
    if backend_kind() != RQ:
        warnings.append(
            Warning(
                "Background tasks do not run on Redis-backed workers.",
                hint="Set REDIS_URL: transcoding, indexing and webhooks then run in RQ workers "
                "that scale out (README, 'Production profile').",
                id="operations.W001",
            )
        )
    if settings.CACHES["default"]["BACKEND"] in LOCAL_CACHES:
        warnings.append(
            Warning(
                "The cache is not shared between machines.",
                hint="Set REDIS_URL (or CACHE_URL): rate limits, sessions, the page cache and the "
                "search circuit breaker are otherwise counted per machine.",
                id="operations.W002",
            )
        )
    return warnings
