"""One id per request, in every log line the request causes, in the tasks it enqueues too.

The id comes from the reverse proxy's X-Request-ID header when it looks sane (so a line in the
proxy's log and ours can be matched), or is made here; the response carries it back. A task
enqueued while a request is handled remembers the id (in the shared cache, for a day), and the
worker that runs it logs under the same id.
"""

import logging
import re
import time
import uuid
from contextvars import ContextVar

from django.core.cache import cache
from django_tasks.signals import task_enqueued, task_finished, task_started

HEADER = "X-Request-ID"
SANE_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")
TASK_KEY = "request-id:task:{}"
TASK_MEMORY_SECONDS = 24 * 3600

current_request_id: ContextVar[str] = ContextVar("request_id", default="")
current_task_id: ContextVar[str] = ContextVar("task_id", default="")
access_log = logging.getLogger("ncrl.access")
_tokens: dict[str, tuple] = {}


def incoming_id(request) -> str:
    offered = request.headers.get(HEADER, "")
    return offered if SANE_ID.match(offered) else uuid.uuid4().hex


class RequestIdMiddleware:
    """Sets the id, answers with it, and writes one access line per request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.request_id = incoming_id(request)
        token = current_request_id.set(request.request_id)
        started = time.perf_counter()
        try:
            response = self.get_response(request)
            response[HEADER] = request.request_id
            _log_access(request, response.status_code, started)
            return response
        finally:
            current_request_id.reset(token)


def _log_access(request, status: int, started: float) -> None:
    access_log.info(
        "%s %s %s",
        request.method,
        request.path,
        status,
        extra={
            "method": request.method,
            "path": request.path,
            "status": status,
            "duration_ms": round((time.perf_counter() - started) * 1000, 1),
        },
    )


class RequestIdFilter(logging.Filter):
    """Adds `request_id` and `task_id` to every record (empty outside requests and tasks)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = current_request_id.get()
        record.task_id = current_task_id.get()
        return True


def remember_for_task(sender, task_result, **kwargs) -> None:
    request_id = current_request_id.get()
    if request_id:
        cache.set(TASK_KEY.format(task_result.id), request_id, TASK_MEMORY_SECONDS)


def adopt_in_task(sender, task_result, **kwargs) -> None:
    request_id = cache.get(TASK_KEY.format(task_result.id)) or current_request_id.get()
    _tokens[str(task_result.id)] = (
        current_task_id.set(str(task_result.id)),
        current_request_id.set(request_id),
    )


def forget_in_task(sender, task_result, **kwargs) -> None:
    """Back to what was there before (a task run inside a request keeps the request's id)."""
    tokens = _tokens.pop(str(task_result.id), None)
    if tokens is None:
        return
    try:
        current_task_id.reset(tokens[0])
        current_request_id.reset(tokens[1])
    except ValueError:  # finished in another context than it started in
        current_task_id.set("")
        current_request_id.set("")


def connect_task_signals() -> None:
    task_enqueued.connect(remember_for_task, dispatch_uid="ncrl-request-id-enqueued")
    task_started.connect(adopt_in_task, dispatch_uid="ncrl-request-id-started")
    task_finished.connect(forget_in_task, dispatch_uid="ncrl-request-id-finished")
