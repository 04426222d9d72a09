"""Public hub pages for anonymous visitors, kept in the shared cache.

Only a GET by a visitor without a session (no login, no flash messages, no Authorization header)
is answered from the cache, and only an HTML or XML 200 that sets no cookie, used no CSRF token and
did not forbid caching is kept. Any change to a page, an asset, an agency or a taxonomy entry
starts a new generation (cms.pages.freshness, which the hub's own caches share), so no visitor
sees a page older than the last change; entries of older generations simply expire
(NCRL_PAGE_CACHE_SECONDS). A change inside a transaction starts one at once and another when it
commits: a page another server rendered in between, from the rows before the change, is never
served.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save
from django_tasks.signals import task_finished
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from assets.models.metadata import AssetMetadata
from cms.pages.freshness import current_generation, new_generation

HEADER = "X-Page-Cache"
UNCACHED_PREFIXES = (
    "/admin/",
    "/django-admin/",
    "/api/",
    "/assets/",
    "/documents/",
    "/images/",
    "/i18n/",
    "/healthz",
    "/readyz",
)
CACHED_TYPES = ("text/html", "application/xml", "text/xml")
# Besides pages and assets, the models whose change can alter a public page: agencies and the
# taxonomy, duplicate groups (a grouped work shows once, crediting its agencies).
INVALIDATING_APPS = {"agencies", "taxonomy", "duplicates"}
# Tasks whose end changes what pages show without saving a model: the search index is written by
# a task after the save; transcoding creates renditions in bulk (a video becomes playable). The
# periodic replay counts what it replayed: nothing replayed, nothing to empty.
INVALIDATING_TASKS = {
    "search.tasks.index_object",
    "search.tasks.remove_key",
    "search.tasks.reconcile_index",
    "transcoding.tasks.run_preview_job",
    "transcoding.tasks.run_transcode_job",
}
COUNTING_TASKS = {"search.tasks.replay_pending_updates"}


def seconds() -> int:
    return getattr(settings, "NCRL_PAGE_CACHE_SECONDS", 0)


def is_cacheable_request(request) -> bool:
    if request.method != "GET" or seconds() <= 0:
        return False
    if request.path.startswith(UNCACHED_PREFIXES) or "Authorization" in request.headers:
        return False
    private_cookies = (settings.SESSION_COOKIE_NAME, "messages")
    return not any(name in request.COOKIES for name in private_cookies)


def is_cacheable_response(request, response) -> bool:
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_USED")
        and response.get("Content-Type", "").startswith(CACHED_TYPES)
        and not any(word in control for word in ("private", "no-store", "no-cache"))
    )


def page_key(request, generation: str) -> str:
    address = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
    return f"page-cache:{generation}:{getattr(request, 'LANGUAGE_CODE', '')}:{address}"


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            return self.get_response(request)
        key = page_key(request, current_generation())
        cached = cache.get(key)
        if cached is not None:
            cached[HEADER] = "hit"
            return cached
        response = self.get_response(request)
        if is_cacheable_response(request, response):
            response[HEADER] = "miss"
            cache.set(key, response, seconds())
        return response


def shows_on_pages(model) -> bool:
    return issubclass(model, (Page, AssetMetadata)) or model._meta.app_label in INVALIDATING_APPS


def _model_changed(sender, **kwargs) -> None:
    if shows_on_pages(sender):
        new_generation()


def _relations_changed(sender, instance, action: str, **kwargs) -> None:
    """Topics, audiences, legal documents are set after the row is saved."""
    if action.startswith("post_") and shows_on_pages(type(instance)):
        new_generation()


def _task_finished(sender, task_result, **kwargs) -> None:
    path = task_result.task.module_path
    if path in INVALIDATING_TASKS or (path in COUNTING_TASKS and _returned_something(task_result)):
        new_generation()


def _returned_something(task_result) -> bool:
    try:
        return bool(task_result.return_value)
    except ValueError:  # no return value (the task failed)
        return False


def connect_invalidation() -> None:
    page_published.connect(new_generation, dispatch_uid="ncrl-page-cache-published")
    page_unpublished.connect(new_generation, dispatch_uid="ncrl-page-cache-unpublished")
    post_save.connect(_model_changed, dispatch_uid="ncrl-page-cache-saved")
    post_delete.connect(_model_changed, dispatch_uid="ncrl-page-cache-deleted")
    m2m_changed.connect(_relations_changed, dispatch_uid="ncrl-page-cache-relations")
    task_finished.connect(_task_finished, dispatch_uid="ncrl-page-cache-task")
