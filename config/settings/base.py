"""Base settings: safe for production; every deployment choice comes from environment variables.

dev.py, test.py and production.py only override. Optional infrastructure (PostgreSQL, S3,
Elasticsearch, Redis workers) switches on when its environment variable is set; otherwise the
embedded defaults of the design apply (SQLite, a local media folder, database search, a database
task queue).
"""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_int, env_json, env_list, env_required, env_str

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(env_str("NCRL_DATA_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_required("DJANGO_SECRET_KEY")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms.agencies",
    "cms.taxonomy",
    "cms.pages",
    "cms.api",
    "cms.demo",
    "cms.reports",
    "cms.library",
    "assets",
    "transcoding",
    "search",
    "search.duplicates",
    "config.operations",
    "config.queue",
    "wagtailmedia",
    "wagtail.api.v2",
    "ninja",
    "corsheaders",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "csp",
    "rest_framework",
    "django_tasks",
    "django_tasks_db",
    "config.periodic",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "config.operations.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files straight from STATIC_ROOT (compressed, cached for ever when hashed): no
    # reverse proxy rule needed for them.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Above the page cache: cached pages get the policy of the moment they are served (no
    # nonces: the same policy for every response, so a cached page is never out of date).
    "config.csp.SitePolicyMiddleware",
    # The database or the storage out of reach: 503 and Retry-After, not 500.
    "config.operations.unavailable.DependencyOutageMiddleware",
    "cms.api.middleware.ApiCompressionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "config.operations.page_cache.AnonymousPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "assets.doors.AssetDoorMiddleware",
    "cms.api.gate.ApiGateMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: SQLite in the data folder unless DATABASE_URL names another (PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{DATA_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
# SQLite serves a web server and a worker at once: WAL lets readers run beside the one writer;
# a writer takes the lock when its transaction begins (IMMEDIATE) and waits for it up to the
# timeout, instead of failing with "database is locked" when it tries to upgrade a read. Memory-
# mapped reads and a larger page cache speed up full-text search.
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA mmap_size=268435456",
    "PRAGMA cache_size=-65536",
)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("NCRL_SQLITE_TIMEOUT_SECONDS", 30),
        "init_command": "; ".join(SQLITE_PRAGMAS),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Vietnamese first, English second.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Vietnamese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
WAGTAIL_I18N_ENABLED = False
# ASCII slugs, Vietnamese folded (cms.pages.slugs): addresses that survive any mail or chat client.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(DATA_DIR / "static")))
MEDIA_URL = "/assets/files/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(DATA_DIR / "media")))

# Files: a local folder by default; S3 (or any S3-compatible service) when a bucket is named.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL"),
            "region_name": env_str("AWS_S3_REGION_NAME"),
            "access_key": env_str("AWS_ACCESS_KEY_ID"),
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY"),
            "addressing_style": env_str("AWS_S3_ADDRESSING_STYLE"),
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": env_int("AWS_QUERYSTRING_EXPIRE", 300),
            "file_overwrite": False,
            # A key prefix inside the bucket: several deployments (or test runs) can share one.
            "location": env_str("AWS_LOCATION", ""),
        },
    }

# Uploads are streamed to temporary files on disk, never held whole in memory.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_TEMP_DIR = env_str("DJANGO_FILE_UPLOAD_TEMP_DIR")

# Limits for what an upload may be (bytes, pixels, seconds). See assets/validation.
ASSET_UPLOAD_LIMITS = {
    "image_max_bytes": env_int("NCRL_IMAGE_MAX_BYTES", 50 * 1024 * 1024),
    "image_max_pixels": env_int("NCRL_IMAGE_MAX_PIXELS", 80_000_000),
    "svg_max_bytes": env_int("NCRL_SVG_MAX_BYTES", 5 * 1024 * 1024),
    "document_max_bytes": env_int("NCRL_DOCUMENT_MAX_BYTES", 200 * 1024 * 1024),
    "pdf_max_pages": env_int("NCRL_PDF_MAX_PAGES", 2000),
    "media_max_bytes": env_int("NCRL_MEDIA_MAX_BYTES", 20 * 1024 * 1024 * 1024),
    "media_max_duration_seconds": env_int("NCRL_MEDIA_MAX_DURATION_SECONDS", 6 * 3600),
}

# Background work goes through django-tasks, the API Wagtail itself uses: a database queue and
# `manage.py db_worker` by default, Redis-backed RQ workers when REDIS_URL is set. Three queues,
# each with its own workers in production: `default` (light work: search and reference indexing,
# fingerprints, file clean-up; Wagtail's own tasks go there), `previews` (posters, sprites and
# document previews, minutes: they come before the ladder), `transcoding` (ffmpeg, hours), and
# `webhooks` (calls to subscribers' servers, which may be slow or down).
TASK_QUEUES = {
    "default": env_int("NCRL_QUEUE_DEFAULT_TIMEOUT", 600),
    "previews": env_int("NCRL_QUEUE_PREVIEWS_TIMEOUT", 3600),
    "transcoding": env_int("NCRL_QUEUE_TRANSCODING_TIMEOUT", 6 * 3600),
    "webhooks": env_int("NCRL_QUEUE_WEBHOOKS_TIMEOUT", 120),
}
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    INSTALLED_APPS.append("django_rq")
    RQ_QUEUES = {
        name: {"URL": REDIS_URL, "DEFAULT_TIMEOUT": timeout}
        for name, timeout in TASK_QUEUES.items()
    }
    TASKS = {
        # RQ; while Redis is down, tasks wait in the database ("outbox") and are handed to RQ
        # once it answers (config/operations/outbox.py): no request fails, no task is lost.
        "default": {
            "BACKEND": "config.operations.outbox.ResilientRQBackend",
            "QUEUES": list(RQ_QUEUES),
        },
        "outbox": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": list(RQ_QUEUES),
        },
    }
else:
    TASKS = {
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": list(TASK_QUEUES),
        }
    }

# One cache shared by every process of a deployment (sessions, rate limits, the search circuit
# breaker, the page cache, counters buffered before they are written): Redis when REDIS_URL is set
# (answering as an empty cache while Redis is down, see config/operations/cache.py), a folder
# otherwise.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "config.operations.cache.ResilientRedisCache",
            "LOCATION": env_str("CACHE_URL", REDIS_URL),
            "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "ncrl"),
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
        }
    }

# Sessions are read from the cache and kept in the database: a lost cache logs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Public hub pages for anonymous visitors are kept in the cache this long (0: off); publishing or
# changing a page or an asset empties it at once (config/operations/page_cache.py).
NCRL_PAGE_CACHE_SECONDS = env_int("NCRL_PAGE_CACHE_SECONDS", 300)

# Wagtail
WAGTAIL_SITE_NAME = _("National digital communication resource library")
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILAPI_BASE_URL = env_str("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILIMAGES_IMAGE_MODEL = "assets.ImageAsset"
WAGTAILDOCS_DOCUMENT_MODEL = "assets.DocumentAsset"
WAGTAILIMAGES_IMAGE_FORM_BASE = "assets.forms.ImageAssetForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "assets.forms.DocumentAssetForm"
WAGTAILMEDIA = {
    "MEDIA_MODEL": "assets.MediaAsset",
    "MEDIA_FORM_BASE": "assets.forms.MediaAssetForm",
}
WAGTAILIMAGES_MAX_UPLOAD_SIZE = ASSET_UPLOAD_LIMITS["image_max_bytes"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = ASSET_UPLOAD_LIMITS["image_max_pixels"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif", "heic", "heif", "svg"]
ASSET_PDF_TEXT_MAX_CHARS = env_int("NCRL_PDF_TEXT_MAX_CHARS", 2_000_000)
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Wagtail's database backend, answering searches of assets from the library's folded index.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.wagtail_backend"}}
WAGTAILSNIPPETS_MENU_SHOW_ALL = False

# Logs go to standard error, one line per record: plain text by default, one JSON object per line
# with DJANGO_LOG_FORMAT=json (production's default). Every line carries the request id, in the
# web process and in the tasks the request enqueued.
LOG_FORMAT = env_str("DJANGO_LOG_FORMAT", "text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "config.operations.request_id.RequestIdFilter"}},
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(levelname)s %(name)s %(message)s %(request_id)s %(task_id)s",
            "rename_fields": {"levelname": "level", "name": "logger"},
            "timestamp": "time",  # ISO 8601, UTC
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env_str("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # The Elasticsearch client logs every HTTP call at INFO.
        "elastic_transport": {"level": "WARNING"},
        # One line per request (method, path, status, duration); off by default in text mode,
        # where runserver prints its own.
        "ncrl.access": {
            "level": env_str("NCRL_ACCESS_LOG_LEVEL", "INFO" if LOG_FORMAT == "json" else "WARNING")
        },
    },
}

# Transcoding jobs: time limit per job, retries with exponential back-off, how long a running
# job may stay silent before it counts as abandoned by a dead worker, how long a queued task may
# be missing before the job is queued again, and from how long a run the uploader is notified.
TRANSCODING = {
    "TIMEOUT_SECONDS": env_int("NCRL_TRANSCODE_TIMEOUT_SECONDS", 4 * 3600),
    "MAX_ATTEMPTS": env_int("NCRL_TRANSCODE_MAX_ATTEMPTS", 3),
    "RETRY_BASE_SECONDS": env_int("NCRL_TRANSCODE_RETRY_BASE_SECONDS", 30),
    "STALE_SECONDS": env_int("NCRL_TRANSCODE_STALE_SECONDS", 120),
    "LOST_TASK_SECONDS": env_int("NCRL_TRANSCODE_LOST_TASK_SECONDS", 600),
    "NOTIFY_AFTER_SECONDS": env_int("NCRL_TRANSCODE_NOTIFY_AFTER_SECONDS", 60),
    "TASK_BACKEND": env_str("NCRL_TRANSCODE_TASK_BACKEND", "default"),
}

# Periodic maintenance (config/periodic): `manage.py scheduler` looks every few seconds for due
# runs. NCRL_PERIODIC_TASKS='{"transcoding.recover_jobs": 30, "search.reconcile": 0}' changes
# intervals in seconds (0 turns a task off).
PERIODIC_TASKS = env_json("NCRL_PERIODIC_TASKS")
PERIODIC_TASK_BACKEND = env_str("NCRL_PERIODIC_TASK_BACKEND", "default")
SCHEDULER_TICK_SECONDS = float(env_str("NCRL_SCHEDULER_TICK_SECONDS", "5"))

# --- Library search ---
# Elasticsearch answers queries when ELASTICSEARCH_URL (or SEARCH_URL) is an http(s) URL; the
# database index is always written and answers alone otherwise, or while Elasticsearch is down.
LIBRARY_SEARCH = {
    "URL": env_str("ELASTICSEARCH_URL", env_str("SEARCH_URL")),
    "INDEX": env_str("ELASTICSEARCH_INDEX", "ncrl-library"),
    # Index settings for a real cluster (README "Elasticsearch"): primary shards, replicas of each,
    # how often new documents become searchable.
    "SHARDS": env_int("ELASTICSEARCH_SHARDS", 1),
    "REPLICAS": env_int("ELASTICSEARCH_REPLICAS", 1),
    "REFRESH_INTERVAL": env_str("ELASTICSEARCH_REFRESH_INTERVAL", "1s"),
    "TIMEOUT_SECONDS": env_int("ELASTICSEARCH_TIMEOUT_SECONDS", 5),
    # After a failure, queries go straight to the database for this long before trying again.
    "RETRY_AFTER_SECONDS": env_int("ELASTICSEARCH_RETRY_AFTER_SECONDS", 15),
}
# --- end of library search ---

# Duplicate detection: the verification thresholds chosen with `make eval-dedup` are the defaults
# in search.duplicates.algorithms.thresholds.Thresholds; any of them can be overridden here, e.g.
# DEDUP_THRESHOLDS='{"image_global_pdq": 36, "text_jaccard": 0.5}'.
DEDUP_THRESHOLDS = env_json("DEDUP_THRESHOLDS")
# The task backend of the background part of a duplicate check (video frames, Chromaprint,
# posters, document text): the profile's queue unless told otherwise.
DUPLICATES_TASK_BACKEND = env_str("NCRL_DUPLICATES_TASK_BACKEND", "default")

# --- Storage and resumable uploads ---
# Asset files go through our subclass of the configured backend: originals are stored once under
# their content key and survive while any asset refers to them (assets/storage). Files in S3 are
# private; downloads get presigned URLs that expire after AWS_QUERYSTRING_EXPIRE seconds. tus
# uploads are received into a partial file in NCRL_UPLOAD_SPOOL_DIR (local disk), then stored whole.
from assets.storage.choice import asset_storage_backend  # noqa: E402

STORAGES["default"]["BACKEND"] = asset_storage_backend(STORAGES["default"]["BACKEND"])
NCRL_S3_OPTIONS = STORAGES["default"].get("OPTIONS") if AWS_STORAGE_BUCKET_NAME else None
if NCRL_S3_OPTIONS is not None:
    # botocore presigns with the old SigV2 unless told; SigV4 URLs carry their own expiry. Short
    # connection time-outs and few retries: a storage outage answers in seconds, not minutes.
    NCRL_S3_OPTIONS.setdefault("signature_version", env_str("AWS_S3_SIGNATURE_VERSION", "s3v4"))
    NCRL_S3_OPTIONS["connect_timeout"] = env_int("AWS_S3_CONNECT_TIMEOUT", 5)
    NCRL_S3_OPTIONS["read_timeout"] = env_int("AWS_S3_READ_TIMEOUT", 60)
    NCRL_S3_OPTIONS["max_attempts"] = env_int("AWS_S3_MAX_ATTEMPTS", 3)
AWS_QUERYSTRING_EXPIRE = env_int("AWS_QUERYSTRING_EXPIRE", 300)
NCRL_UPLOAD_SPOOL_DIR = env_str("NCRL_UPLOAD_SPOOL_DIR", str(DATA_DIR / "uploads"))
NCRL_UPLOAD_EXPIRY_HOURS = env_int("NCRL_UPLOAD_EXPIRY_HOURS", 24)
# On S3, each whole part of an upload goes to storage while the rest arrives: the part size, and
# how many parts one web process sends at once (each sending thread keeps a buffer of one part).
# 32 MiB parts: a quarter of the S3 requests of 8 MiB ones, and `make bench-upload` about a fifth
# faster (README, "Resumable uploads reach S3 while they arrive").
NCRL_UPLOAD_PART_MIB = env_int("NCRL_UPLOAD_PART_MIB", 32)
NCRL_UPLOAD_PARTS_IN_FLIGHT = env_int("NCRL_UPLOAD_PARTS_IN_FLIGHT", 4)
# This machine's name in the uploads it receives: a resumed upload must come back to it.
NCRL_NODE_NAME = env_str("NCRL_NODE_NAME", "")
# --- end of storage and resumable uploads ---

# --- Security headers ---
# A Content Security Policy on every page (a stricter one on the public site than in the admin,
# see config/settings/security.py); nosniff, a same-origin referrer and no framing by other sites
# (Django's SecurityMiddleware and XFrameOptionsMiddleware). NCRL_CSP_MEDIA_ORIGINS names a CDN
# that serves stored files; NCRL_CSP_FRAME_SOURCES the video sites whose players may be embedded.
from .security import (  # noqa: E402
    EMBED_FRAME_SOURCES,
    admin_directives,
    site_directives,
    storage_origins,
)

_CSP_MEDIA = storage_origins(NCRL_S3_OPTIONS, env_list("NCRL_CSP_MEDIA_ORIGINS"))
_CSP_FRAMES = env_list("NCRL_CSP_FRAME_SOURCES", EMBED_FRAME_SOURCES)
CONTENT_SECURITY_POLICY = {"DIRECTIVES": site_directives(_CSP_MEDIA, _CSP_FRAMES)}
NCRL_ADMIN_CONTENT_SECURITY_POLICY = {"DIRECTIVES": admin_directives(_CSP_MEDIA, _CSP_FRAMES)}
NCRL_ADMIN_PATH_PREFIX = "/admin/"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No framing (Wagtail's preview views allow their own origin; the hub's embed page any site).
X_FRAME_OPTIONS = "DENY"
# Wagtail's admin would fetch avatars from gravatar.com (editors' e-mail hashes to a third
# party) and check releases.wagtail.io: a national system makes neither call.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False
# --- end of security headers ---

# --- Headless API (cms/api) ---
# Requests per minute: a consumer's own limit is set in the admin; tokens without a consumer
# (an editor's own) and anonymous callers get these. Counted in the shared cache.
NCRL_API_RATE_LIMITS = {
    "anonymous_per_minute": env_int("NCRL_API_ANONYMOUS_PER_MINUTE", 120),
    "token_per_minute": env_int("NCRL_API_TOKEN_PER_MINUTE", 600),
}
# Reverse proxies in front of the web servers that append to X-Forwarded-For: anonymous callers
# are counted by the address the outermost of them saw (0: by the connection's own address).
NCRL_TRUSTED_PROXY_HOPS = env_int("NCRL_TRUSTED_PROXY_HOPS", 0)
# Browsers on these origins may call the API, feeds and OAI-PMH (django-cors-headers).
CORS_ALLOWED_ORIGINS = env_list("NCRL_API_CORS_ORIGINS")
CORS_URLS_REGEX = r"^/(api|feeds|oai)/.*$"
CORS_ALLOW_HEADERS = ("authorization", "content-type", "if-none-match", "if-modified-since")
CORS_EXPOSE_HEADERS = (
    "ETag",
    "Last-Modified",
    "Retry-After",
    "RateLimit-Limit",
    "RateLimit-Remaining",
    "RateLimit-Reset",
)
WAGTAILAPI_LIMIT_MAX = 100
# Webhook deliveries: attempts before giving up, and the first back-off (doubled each time).
NCRL_WEBHOOKS = {
    "MAX_ATTEMPTS": env_int("NCRL_WEBHOOK_MAX_ATTEMPTS", 6),
    "RETRY_BASE_SECONDS": env_int("NCRL_WEBHOOK_RETRY_BASE_SECONDS", 30),
}
# --- end of headless API ---
# --- Public content hub ---
# Front-end libraries from the npm registry (package.json, `npm ci`), served by cms.pages.vendor.
NCRL_NODE_MODULES = env_str("NCRL_NODE_MODULES", str(BASE_DIR / "node_modules"))
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "cms.pages.vendor.NpmFinder",
]
# --- end of public content hub ---
