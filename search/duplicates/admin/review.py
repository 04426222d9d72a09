"""The confirmation for an asset the editor has just stored: on the large uploads page, and on the
page a single-file form leads to."""

from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from assets.kinds import kind_named
from search.keys import instance_for_key

from .confirmation import confirmation_html, described_duplicates


def _own_upload(request, asset_type: str, pk: int):
    asset = instance_for_key(f"{asset_type}:{pk}") if kind_named(asset_type) else None
    if asset is None or (
        asset.uploaded_by_user_id != request.user.pk and not request.user.is_superuser
    ):
        return None
    return asset


def duplicates_of_upload(request, asset_type: str, pk: int):
    """The confirmation for an asset the editor has just uploaded (large uploads page)."""
    asset = _own_upload(request, asset_type, pk)
    if asset is None:
        return JsonResponse({"count": 0, "html": ""}, status=404)
    matches = described_duplicates(asset, request.user)
    html = confirmation_html(request, asset, matches, place="standalone") if matches else ""
    return JsonResponse({"count": len(matches), "html": html})


def review_upload(request, asset_type: str, pk: int):
    """The page a single-file form leads to when the file it saved is already in the library."""
    asset = _own_upload(request, asset_type, pk)
    if asset is None:
        raise Http404(_("The uploaded asset is not there any more."))
    matches = described_duplicates(asset, request.user)
    kind = kind_named(asset_type)
    return TemplateResponse(
        request,
        "duplicates/review_upload.html",
        {
            "asset": asset,
            "confirmation": confirmation_html(request, asset, matches, place="standalone")
            if matches
            else "",
            "index_url": reverse(kind.admin_url_name("index")),
            "edit_url": reverse(kind.admin_url_name("edit"), args=[asset.pk]),
        },
    )
