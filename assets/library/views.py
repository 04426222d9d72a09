"""The read-only page of an asset for every editor who may see it (its own agency's editors are
offered the edit page from there)."""

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse

from ..kinds import ASSET_KINDS, kind_named
from ..visibility import visible_to
from .facts import described, is_own, uses_of

# The id parameter of each kind, as Wagtail names it: the door middleware checks it too.
ID_PARAMETERS = {"image": "image_id", "document": "document_id", "media": "media_id"}


def asset_page(request, kind_name: str, **ids):
    kind = kind_named(kind_name)
    assets = visible_to(kind.model.objects.select_related("agency", "licence"), request.user)
    asset = get_object_or_404(assets, pk=ids[ID_PARAMETERS[kind_name]])
    own = is_own(asset, request.user)
    context = {
        "asset": asset,
        "kind": kind.name,
        "facts": described(asset),
        "uses": uses_of(asset, request.user),
        "edit_url": reverse(kind.admin_url_name("edit"), args=[asset.pk]) if own else "",
        "file_url": reverse("assets:file", args=[asset.file.name]),
    }
    return TemplateResponse(request, "assets/library/asset.html", context)


def library_urls() -> list:
    return [
        path(
            f"library/{kind.name}/<int:{ID_PARAMETERS[kind.name]}>/",
            asset_page,
            {"kind_name": kind.name},
            name=kind.library_url_name,
        )
        for kind in ASSET_KINDS
    ]
