"""Every view whose URL names an asset or a page answers 404 unless the user may see it.

Wagtail and wagtailmedia name the object in their URLs (`image_id`, `document_id`, `doc_id`,
`media_id`, `page_id`, ...): edit, delete, usage, preview, URL generator, multiple upload, select
format, chosen, the image serve view, the page views. Some check only a model-wide permission,
some nothing on GET (media usage, the page move confirmation, bulk action confirmations, which
list the titles of whatever `?id=` names), so the visibility rule is applied here, once, before
any of them runs: a view added later under one of these names is covered too. Ids in `?id=`
must be whole numbers (400 otherwise). Choosers that take `pk` also ask the permission policy
(assets.permissions); the APIs filter their querysets.
"""

import re

from django.apps import apps
from django.core.exceptions import BadRequest
from django.http import Http404
from wagtail.models import Page

from .models import DocumentAsset, ImageAsset, MediaAsset
from .visibility import is_asset_model, visible_to

# URL parameter -> the model whose id it carries, in every view.
ID_KWARGS = {
    "image_id": ImageAsset,
    "document_id": DocumentAsset,
    "doc_id": DocumentAsset,
    "media_id": MediaAsset,
    "page_id": Page,
    "page_to_move_id": Page,
    "parent_page_id": Page,
}
# Views that name their objects in `?id=` (and `pk` for the page views' compare).
PAGE_CHOOSER_MULTIPLE = "wagtailadmin_choose_page_chosen_multiple"
BULK_ACTION = "wagtail_bulk_action"
PAGES_NAMESPACE = "wagtailadmin_pages"
_INTEGER = re.compile(r"\d{1,18}")


def refuse_invisible_objects(request, view_kwargs: dict) -> None:
    for kwarg, model in ID_KWARGS.items():
        if kwarg in view_kwargs:
            _require_visible(model, [view_kwargs[kwarg]], request.user)
    match = request.resolver_match
    if match is None:
        return
    if (
        match.view_name in (BULK_ACTION, PAGE_CHOOSER_MULTIPLE)
        or match.url_name == "chosen_multiple"
    ):
        # Wagtail hands these ids to the database as they come: "1e20" was a 500.
        _require_integers(request.GET.getlist("id"))
    if match.url_name == "chosen" and not _INTEGER.fullmatch(str(view_kwargs.get("pk", ""))):
        raise Http404  # choosers take `<str:pk>` and look it up as it is: "`" was a 500
    if match.namespace == PAGES_NAMESPACE and "pk" in view_kwargs:
        _require_visible(Page, [view_kwargs["pk"]], request.user)
    if match.view_name == PAGE_CHOOSER_MULTIPLE:
        # Wagtail answers 500 for the root page, which is never a choice.
        _require_visible(Page, request.GET.getlist("id"), request.user, min_depth=2)
    if match.view_name == BULK_ACTION:
        model = _model_named(view_kwargs.get("app_label"), view_kwargs.get("model_name"))
        if model is not None and (is_asset_model(model) or issubclass(model, Page)):
            _require_visible(model, request.GET.getlist("id"), request.user)


def _require_integers(ids: list[str]) -> None:
    if not all(_INTEGER.fullmatch(pk) for pk in ids):
        raise BadRequest("?id= takes whole numbers")


def _require_visible(model, ids: list, user, min_depth: int = 1) -> None:
    try:
        wanted = {int(pk) for pk in ids}
    except (TypeError, ValueError) as error:
        raise Http404 from error
    queryset = model.objects.filter(pk__in=wanted)
    if model is Page:
        queryset = queryset.filter(depth__gte=min_depth)
    if visible_to(queryset, user).count() != len(wanted):
        raise Http404


def _model_named(app_label, model_name):
    try:
        return apps.get_model(app_label, model_name)
    except (LookupError, ValueError, TypeError):
        return None


class AssetDoorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        refuse_invisible_objects(request, view_kwargs)
        return None
