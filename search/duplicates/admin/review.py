"""The confirmation for an asset the editor has just stored: on the large uploads page, and on the
page a single-file form leads to."""

from django.http import Http404, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from assets.kinds import kind_named
from search.keys import instance_for_key

from .upload_check import PLACES, check_of_upload, upload_check_html


def _own_upload(request, asset_type: str, pk: int):
    asset = instance_for_key(f"{asset_type}:{pk}") if kind_named(asset_type) else None
    if asset is None or (
        asset.uploaded_by_user_id != request.user.pk and not request.user.is_superuser
    ):
        return None
    return asset


def duplicates_of_upload(request, asset_type: str, pk: int):
    """Where the check of an asset the editor has just uploaded stands, and the block to show
    (the large uploads page asks once the file is stored; `duplicate-checks.js` polls)."""
    asset = _own_upload(request, asset_type, pk)
    if asset is None:
        return JsonResponse({"count": 0, "html": ""}, status=404)
    check = check_of_upload(asset, request.user)
    place = request.GET.get("place", "standalone")
    place = place if place in PLACES else "standalone"
    html = upload_check_html(request, asset, check, place)
    return JsonResponse(
        {
            "state": check.state,
            "progress": check.progress,
            "count": len(check.matches),
            "html": html,
        }
    )


def review_upload(request, asset_type: str, pk: int):
    """The page a single-file form leads to when the file it saved is already in the library."""
    asset = _own_upload(request, asset_type, pk)
    if asset is None:
        raise Http404(_("The uploaded asset is not there any more."))
    check = check_of_upload(asset, request.user)
    kind = kind_named(asset_type)
    return TemplateResponse(
        request,
        "duplicates/review_upload.html",
        {
            "asset": asset,
            "confirmation": upload_check_html(request, asset, check),
            "index_url": reverse(kind.admin_url_name("index")),
            "edit_url": reverse(kind.admin_url_name("edit"), args=[asset.pk]),
        },
    )
