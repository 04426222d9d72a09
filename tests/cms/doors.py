"""Every URL the project answers, read from the URL resolver, and how to point one at an asset.

The permission matrix drives each route that takes an asset's (or a page's) id with every asset
of that kind, and every route without parameters as a listing; a route that is neither must be
named in NOT_ASSET_DOORS with a reason, so a view added later is either driven or fails the test.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.images.utils import generate_signature
from wagtail.models import Page

from transcoding.models import TranscodeJob

ANY = object()  # a parameter whose value the route ignores for visibility


@dataclass(frozen=True)
class Route:
    name: str  # with namespaces, e.g. "wagtailimages_chooser:chosen"
    route: str
    params: tuple[str, ...]
    positional: bool  # a regex with unnamed groups (Wagtail's document serve view)

    @property
    def namespace(self) -> str:
        return self.name.rpartition(":")[0]


_NAMED_GROUP = re.compile(r"\(\?P<(\w+)>")
_CONVERTER = re.compile(r"<(?:\w+:)?(\w+)>")


def all_routes() -> list[Route]:
    return list(_walk(get_resolver().url_patterns, "", ()))


def _walk(patterns, prefix: str, namespaces: tuple[str, ...]):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespaces + ((pattern.namespace,) if pattern.namespace else ())
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            params = tuple(_CONVERTER.findall(route) + _NAMED_GROUP.findall(route))
            positional = "(" in route.replace("(?P<", "").replace("(?:", "")
            name = ":".join(namespaces + (pattern.name or "",))
            yield Route(name, route, params, positional and not params)


# Routes with parameters that never name an asset or a page, and why.
NOT_ASSET_DOORS = {
    "wagtailsnippets_": "snippets: agencies and taxonomy, all public",
    "wagtailsnippetchoosers_": "snippet choosers: agencies and taxonomy, all public",
    "wagtailusers_": "users and groups: administrators only",
    "wagtailsites:": "sites: administrators only",
    "wagtailadmin_workflows:": "workflows and tasks: administrators only (page ids below)",
    "wagtailadmin_collections:": "collections: agency names are public",
    "wagtailredirects:": "redirects: administrators only",
    "wagtailadmin_editing_sessions:release": "an editing session id, the user's own",
    "wagtailadmin_tag_model_autocomplete": "tag names of a model, no asset",
    "wagtailadmin_password_reset_confirm": "a password reset token",
    "wagtaildocs_authenticate_with_password": "a privacy restriction id",
    "wagtailcore_authenticate_with_password": "a privacy restriction id",
    "assets:upload": "a resumable upload's unguessable id, checked against its owner",
    "duplicates:check_state": "a duplicate check's unguessable id, the caller's own (else 404)",
    "checked_media_add": "an upload form (media type only)",
    "wagtailmedia:add": "an upload form (media type only)",
    "wagtailmedia:chooser_typed": "the media chooser listing by type (driven as a listing)",
    "wagtailmedia:chooser_upload": "an upload form (media type only)",
    "wagtailimages:create_multiple_from_uploaded_image": "an upload in progress, the user's own",
    "wagtailimages:delete_upload_multiple": "an upload in progress, the user's own",
    "wagtaildocs:create_multiple_from_uploaded_document": "an upload in progress, the user's own",
    "wagtaildocs:delete_upload_multiple": "an upload in progress, the user's own",
    "wagtailadmin_pages:type_use": "page types, no page",
    "wagtailadmin_pages:type_use_results": "page types, no page",
    "wagtailadmin_pages:choose_parent": "page types, no page",
    "api_consumer_tokens": "an API consumer's tokens (superusers only)",
    "api_v3:agency_": "an agency code: agencies are public (its reuse needs the agency's token)",
    "api_v3:get_schema_for_type": "Wagtail's content-type schemas, no object",
    "feeds:": "a topic, campaign or agency slug: feeds list public items only",
    "hub:topic": "a topic's landing page (its items pass the visibility rule in cards.py)",
    "hub:campaign": "a campaign's landing page (its items pass the visibility rule in cards.py)",
    "hub:audience": "an audience's landing page (its items pass the visibility rule in cards.py)",
    "hub:agency_kind": "a kind of agency: public agencies, their items through the rule",
    "hub_sitemap": "a sitemap section: public items only (cms/pages/sitemaps.py)",
    "hub_asset": "a redirect to hub:image|document|media (the API's name for asset pages)",
}

# Routes without parameters that are not listings to search: they end the session, show an error
# on purpose, or only accept a form post elsewhere.
NOT_LISTINGS = {
    "wagtailadmin_logout",
    "wagtailadmin_error_test",
    "",  # admin/test404/ and the admin's catch-all
    "wagtailadmin_login",
    "wagtailcore_login",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_complete",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "set_language",
    # Health probes show no asset; /readyz answers 503 while a part (here: the scheduler) is down.
    "healthz",
    "readyz",
}

# `pk` names an object whose kind the route's namespace tells.
PK_KINDS = {
    "wagtailimages_chooser": "image",
    "wagtaildocs_chooser": "document",
    "wagtailadmin_api:images": "image",
    "wagtailadmin_api:documents": "document",
    "wagtailadmin_api:pages": "page",
    "wagtailapi:images": "image",
    "wagtailapi:documents": "document",
    "wagtailapi:media": "media",
    "wagtailapi:pages": "page",
    "wagtailadmin_pages": "page",
}
ID_KINDS = {
    "image_id": "image",
    "document_id": "document",
    "doc_id": "document",
    "media_id": "media",
    "page_id": "page",
    "parent_page_id": "page",
    "page_to_move_id": "page",
    "page_pk": "page",
}
BY_PATH = {"assets:file", "wagtaildocs_serve", "wagtail_serve", "wagtailimages_serve"}
# API v3 names the kind in the route name ("api_v3:image_detail") and the id `item_id`.
API_V3_IDS = {"item_id", "article_id"}


def is_not_an_asset_door(route: Route) -> bool:
    return any(route.name.startswith(prefix) for prefix in NOT_ASSET_DOORS)


def takes_an_id(route: Route) -> bool:
    """An asset's or a page's id (or file path) is in the URL, or in `?id=` for bulk actions."""
    params = set(route.params)
    generic_model = bool(params & {"app_label", "asset_type", "content_type_app_name"})
    return (
        route.name in BY_PATH
        or bool(params & set(ID_KINDS))
        or ("pk" in params and (route.namespace in PK_KINDS or generic_model))
        or ("object_id" in params and generic_model)
        or params == {"app_label", "model_name", "action"}
        or "job_id" in params  # a transcoding job of an asset
        or (route.namespace == "api_v3" and bool(params & API_V3_IDS))
    )


def kind_of(target) -> str:
    if isinstance(target, Page):
        return "page"
    return {"imageasset": "image", "documentasset": "document", "mediaasset": "media"}[
        target._meta.model_name
    ]


def url_for(route: Route, target) -> str | None:
    """The route pointed at this asset or page, or None when it takes another kind of object."""
    kind = kind_of(target)
    if route.name == "wagtaildocs_serve":
        if kind != "document":
            return None
        return reverse(route.name, args=[target.pk, target.filename])
    if route.name == "assets:file":
        return reverse(route.name, args=[target.file.name]) if kind != "page" else None
    if route.name == "wagtail_serve":
        return target.url if kind == "page" and target.url else None
    kwargs = {}
    for param in route.params:
        value = _value_for(param, route, target, kind)
        if value is None:
            return None
        kwargs[param] = value
    if route.namespace == "api_v3":  # refuses parameters it does not know
        return reverse(route.name, kwargs=kwargs)
    # Bulk actions name their objects in the query; other views ignore it.
    return f"{reverse(route.name, kwargs=kwargs)}?id={target.pk}"


def _value_for(param: str, route: Route, target, kind: str):
    if param == "item_id":
        return target.pk if route.name.split(":")[1].split("_")[0] == kind else None
    if param == "article_id":
        return target.pk if kind == "page" else None
    if param in ID_KINDS:
        return target.pk if ID_KINDS[param] == kind else None
    if param == "pk":
        expected = PK_KINDS.get(route.namespace)
        return target.pk if expected in (kind, None) else None
    if param == "job_id":
        jobs = TranscodeJob.objects.filter(
            content_type=ContentType.objects.get_for_model(target), object_id=target.pk
        )
        job = jobs.first() if kind != "page" else None
        return job.pk if job else None
    if param in ("object_id",):
        return str(target.pk)
    if param in ("app_label", "content_type_app_name", "app_name"):
        return target._meta.app_label
    if param in ("model_name", "content_type_model_name"):
        return target._meta.model_name
    if param == "asset_type":
        return kind if kind != "page" else None
    if param == "signature":
        return generate_signature(target.pk, "max-80x80") if kind == "image" else None
    if param == "filter_spec":
        return "max-80x80"
    if param in ("revision_id",):
        return target.latest_revision_id or 1 if kind == "page" else None
    if param in ("revision_id_a", "revision_id_b"):
        return "earliest" if param.endswith("a") else "latest"
    if param == "destination_id":
        return target.get_parent().pk if kind == "page" else None
    if param in ("action_name", "action"):
        return "approve" if param == "action_name" else "delete"
    if param in (
        "task_state_id",
        "task_id",
        "workflow_state_id",
        "session_id",
        "page_view_restriction_id",
        "workflow_pk",
    ):
        return 1
    raise LookupError(f"{route.name}: no rule for the parameter {param!r}")
