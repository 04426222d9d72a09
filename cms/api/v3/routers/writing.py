"""Write operations of an asset kind, for a consumer with the write scope (an agency's own
integration): change metadata, ask for duplicates, publish, withdraw. New files arrive through
the resumable upload endpoint (tus, /assets/uploads/) with the same token."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router
from ninja.errors import HttpError

from search.duplicates.disclosure import disclose
from search.duplicates.matching import find_duplicates
from search.duplicates.storing import stored_fingerprints
from search.keys import key_for

from ...access import require_scope
from ...enums import Scope
from ...writing import may_publish, require_change, update_asset
from .. import auth
from ..errors import ERROR_RESPONSES, Problem
from ..params import ItemId, only
from ..representations.assets import represent_assets, with_related
from ..schemas.assets import AssetOut
from ..schemas.writing import AssetPatch, DuplicateOut, Withdrawal

WRITE_RESPONSES = {**ERROR_RESPONSES, 422: Problem}


def _own_asset(request, model, item_id: int):
    caller = require_scope(request, Scope.WRITE)
    asset = with_related(model.objects.filter(pk=item_id)).first()
    if asset is None:
        raise Http404
    try:
        require_change(request.user, asset, caller.consumer.agency_id)
    except PermissionDenied as refused:
        raise HttpError(403, str(refused)) from refused
    return asset


def _fresh(request, model, asset) -> dict:
    return represent_assets(request, [with_related(model.objects.filter(pk=asset.pk)).get()])[0]


def add_write_operations(router: Router, kind: str, model, label: tuple[str, str]) -> None:
    @router.patch(
        "/{item_id}/",
        response={200: AssetOut, **WRITE_RESPONSES},
        url_name=f"{kind}_update",
        operation_id=f"{kind}_update",
        summary=f"Change the metadata of one of the {label[0]} / Sửa siêu dữ liệu",
        description=(
            "Validated by the admin's own form, with the same permissions. Only the fields sent "
            "change. / Kiểm tra như trong trang quản trị."
        ),
        auth=auth.WRITE,
    )
    @only()
    def update(request: HttpRequest, item_id: ItemId, patch: AssetPatch):
        asset = _own_asset(request, model, item_id)
        update_asset(kind, asset, patch.model_dump(exclude_unset=True), request.user)
        return _fresh(request, model, asset)

    @router.get(
        "/{item_id}/duplicates/",
        response={200: list[DuplicateOut], **WRITE_RESPONSES},
        url_name=f"{kind}_duplicates",
        operation_id=f"{kind}_duplicates",
        summary="Copies of this item held anywhere in the library / Bản trùng trong kho",
        auth=auth.WRITE,
    )
    @only()
    def duplicates(request: HttpRequest, item_id: ItemId):
        asset = _own_asset(request, model, item_id)
        key = key_for(asset)
        matches = find_duplicates(stored_fingerprints(asset), exclude={key})
        _check, described = disclose(
            matches, request.user, asset_key=key, sha256=asset.content_sha256
        )
        return described

    @router.post(
        "/{item_id}/publish/",
        response={200: AssetOut, **WRITE_RESPONSES},
        url_name=f"{kind}_publish",
        operation_id=f"{kind}_publish",
        summary="Publish (if the token's user may) / Công bố",
        auth=auth.WRITE,
    )
    @only()
    def publish(request: HttpRequest, item_id: ItemId):
        asset = _own_asset(request, model, item_id)
        if not may_publish(request.user, asset):
            raise HttpError(403, _("Only the agency's moderators may publish."))
        update_asset(kind, asset, {"is_published": True}, request.user)
        return _fresh(request, model, asset)

    @router.post(
        "/{item_id}/withdraw/",
        response={200: AssetOut, **WRITE_RESPONSES},
        url_name=f"{kind}_withdraw",
        operation_id=f"{kind}_withdraw",
        summary="Withdraw with a reason reusers are told / Thu hồi",
        auth=auth.WRITE,
    )
    @only()
    def withdraw(request: HttpRequest, item_id: ItemId, withdrawal: Withdrawal):
        asset = _own_asset(request, model, item_id)
        if not may_publish(request.user, asset):
            raise HttpError(403, _("Only the agency's moderators may publish."))
        changes = {"is_published": False, "withdrawal_reason": withdrawal.reason}
        update_asset(kind, asset, changes, request.user)
        return _fresh(request, model, asset)
