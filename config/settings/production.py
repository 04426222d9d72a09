"""Production: PostgreSQL, S3, Elasticsearch and Redis workers, all named by environment.

It refuses to start without the variables a deployment must choose (never a silent SQLite file,
a made-up secret or an admin address on 127.0.0.1) or with DEBUG on. The rest of the configuration
(storage, search, broker, cache) is checked by Django system checks at start-up (ids ncrl.*;
`manage.py check --deploy` runs them all).
"""

from django.core.exceptions import ImproperlyConfigured

from .env import env_bool, env_int, env_str, refuse_missing

refuse_missing(
    ["DATABASE_URL", "DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL"],
    "production",
)
if env_bool("DJANGO_DEBUG", False):
    raise ImproperlyConfigured(
        "DJANGO_DEBUG is on: production never runs with DEBUG (it shows settings and code to any "
        "visitor on an error). Unset DJANGO_DEBUG, or use config.settings.dev on your own machine."
    )

from .base import *  # noqa: E402,F403
from .base import DATABASES  # noqa: E402

DEBUG = False

# HTTPS: the reverse proxy terminates TLS and says so in X-Forwarded-Proto. Plain-HTTP requests are
# redirected, except the probes a load balancer sends from inside (/healthz, /readyz).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# Connections kept between requests (and checked before reuse) instead of one per request.
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env_int(
        "DATABASE_CONNECT_TIMEOUT", 5
    )

# Static files: collected by `manage.py collectstatic`, names carry a hash of their content, and
# WhiteNoise serves them compressed with a far-future cache lifetime.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

LOG_FORMAT = env_str("DJANGO_LOG_FORMAT", "json")
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT  # noqa: F405
LOGGING["loggers"]["ncrl.access"]["level"] = env_str("NCRL_ACCESS_LOG_LEVEL", "INFO")  # noqa: F405
