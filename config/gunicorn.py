"""gunicorn for the production profile: `gunicorn -c config/gunicorn.py config.wsgi`.

Each setting can be changed from the environment (README, "Production profile"). Threaded workers
(gthread): a long request (a large resumable upload's last PATCH stores the whole file) keeps its
thread busy but never its worker's heartbeat, so `timeout` only catches a worker that hangs.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


bind = os.environ.get("GUNICORN_BIND") or (
    f"{os.environ.get('HOST') or '127.0.0.1'}:{os.environ.get('PORT') or '8000'}"
)
# The usual rule: two per CPU plus one; WEB_CONCURRENCY is the common name for the override.
workers = _int("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1)
worker_class = "gthread"
threads = _int("GUNICORN_THREADS", 4)
timeout = _int("GUNICORN_TIMEOUT", 60)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 60)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# Recycle workers now and then: a slow leak in a native library costs nothing.
max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)
# Import the application once in the master: workers share its memory and start fast.
preload_app = True
# The reverse proxy in front tells the client's scheme and address.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
# Access lines come from Django's logging (with the request id); gunicorn's own lines are JSON
# too, one object per line on standard error, like every other process of the profile.
accesslog = None
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
if os.environ.get("DJANGO_LOG_FORMAT", "json") == "json":
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "json": {
                "()": "pythonjsonlogger.json.JsonFormatter",
                "fmt": "%(levelname)s %(name)s %(message)s",
                "rename_fields": {"levelname": "level", "name": "logger"},
                "timestamp": "time",
            }
        },
        "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "json"}},
        "loggers": {"gunicorn.error": {"handlers": ["console"], "propagate": False}},
    }
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR") or None
# No control socket: several servers may run on one machine (and its default path is in $HOME).
control_socket_disable = True
proc_name = "ncrl-web"
