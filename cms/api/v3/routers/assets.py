"""Images, documents and video/audio: one router per kind, built by one function."""

from django.http import Http404, HttpRequest, HttpResponse
from django.utils.http import http_date
from django.utils.translation import gettext as _
from ninja import Query, Router
from ninja.errors import HttpError

from assets.kinds import kind_named
from cms.agencies.access import collection_ids_of
from search.keys import key_for

from ... import reuse
from ...access import caller_of, visible_assets
from ...enums import FetchKind
from ...formats.ninjs import asset_ninjs
from ...problems import problem
from .. import auth, pagination
from ..errors import ERROR_RESPONSES
from ..filtering import filter_queryset, text_search
from ..params import AssetFilters, ImageFilters, ItemId, only
from ..representations.assets import represent_assets, with_related
from ..representations.files import MAX_EXTRA_SPECS, valid_image_spec
from ..schemas.assets import AssetOut, AssetPage
from .downloads import download_response
from .writing import add_write_operations

# Per asset kind (assets.kinds): its query parameters and its name in the documentation.
KINDS = {
    "image": (ImageFilters, ("images", "ảnh và infographic")),
    "document": (AssetFilters, ("documents", "tài liệu")),
    "media": (AssetFilters, ("video and audio", "video và âm thanh")),
}


def extra_specs(filters) -> list[str]:
    specs = list(getattr(filters, "rendition", []) or [])
    if len(specs) > MAX_EXTRA_SPECS or not all(valid_image_spec(spec) for spec in specs):
        raise HttpError(400, _("Rendition specs: up to 5, e.g. width-800 or fill-1200x630."))
    return specs


def public_only(request) -> bool:
    """Whether the index may answer with public items only (the visibility rule then keeps what
    it returns); not for an embargo partner, an agency's own integration or a superuser."""
    user = request.user
    if caller_of(request).embargo_agency_ids or user.is_superuser:
        return False
    return not (user.is_authenticated and collection_ids_of(user))


def listing(request, model, kind: str, filters) -> dict:
    specs = extra_specs(filters)
    base = visible_assets(model.objects.all(), request)
    if filters.q:
        ids, total, next_cursor = text_search(kind, filters, public_only(request))
        found = with_related(filter_queryset(base.filter(pk__in=ids), filters)).in_bulk()
        items = [found[pk] for pk in ids if pk in found]
    else:
        queryset = filter_queryset(base, filters)
        total = queryset.count() if not filters.cursor else None
        items, next_cursor = pagination.page(
            with_related(queryset), filters.sort, filters.cursor, filters.limit
        )
    return {
        "meta": {
            "total": total,
            "limit": filters.limit,
            "next_cursor": next_cursor,
            "next": _next_url(request, next_cursor),
        },
        "items": represent_assets(request, items, specs),
    }


def _next_url(request, cursor: str | None) -> str | None:
    if not cursor:
        return None
    params = request.GET.copy()
    params["cursor"] = cursor
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def visible_or_gone(request, model, item_id: int):
    """The asset if the caller may see it; 410 with its reason if it was withdrawn; else 404."""
    asset = visible_assets(with_related(model.objects.filter(pk=item_id)), request).first()
    if asset is not None:
        return asset, None
    withdrawn = model.objects.filter(
        pk=item_id, is_published=False, withdrawn_at__isnull=False
    ).first()
    if withdrawn is None:
        raise Http404
    reason = withdrawn.withdrawal_reason or _("no reason given")
    return None, problem(
        410, _("This item was withdrawn by its agency: %(reason)s") % {"reason": reason}
    )


def build_router(kind: str) -> Router:
    model = kind_named(kind).model
    filters_schema, label = KINDS[kind]
    router = Router(tags=[kind])

    @router.get(
        "/",
        response={200: AssetPage, **ERROR_RESPONSES},
        url_name=f"{kind}_list",
        operation_id=f"{kind}_list",
        summary=f"List {label[0]} / Danh sách {label[1]}",
        description=(
            "Published items, newest first; filters combine with AND, repeated values with OR. "
            "Follow `meta.next` until it is null. / Các mục đã công bố; lọc, sắp xếp, phân trang "
            "bằng con trỏ."
        ),
        auth=auth.READ,
    )
    @only(filters_schema)
    def list_items(request: HttpRequest, filters: filters_schema = Query(...)):
        return listing(request, model, kind, filters)

    @router.get(
        "/{item_id}/",
        response={200: AssetOut, **ERROR_RESPONSES},
        url_name=f"{kind}_detail",
        operation_id=f"{kind}_detail",
        summary=f"One of the {label[0]} / Một mục {label[1]}",
        auth=auth.READ,
    )
    @only()
    def detail(request: HttpRequest, item_id: ItemId, response: HttpResponse):
        asset, gone = visible_or_gone(request, model, item_id)
        if gone is not None:
            return gone
        reuse.record_fetch(caller_of(request), key_for(asset), asset.agency_id, FetchKind.ITEM)
        response["Last-Modified"] = http_date(asset.updated_at.timestamp())
        return represent_assets(request, [asset])[0]

    @router.get(
        "/{item_id}/download/",
        response={302: None, **ERROR_RESPONSES, 451: ERROR_RESPONSES[404]},
        url_name=f"{kind}_download",
        operation_id=f"{kind}_download",
        summary=f"Download the original ({label[0]}) / Tải tệp gốc",
        description=(
            "The original file, named as uploaded; images carry the credit line in their XMP. "
            "410 when withdrawn, 451 when the licence expired. / Tải tệp gốc."
        ),
        auth=auth.READ,
    )
    @only()
    def download(request: HttpRequest, item_id: ItemId):
        asset, gone = visible_or_gone(request, model, item_id)
        if gone is not None:
            return gone
        return download_response(request, asset)

    @router.get(
        "/{item_id}/ninjs/",
        response={200: dict, **ERROR_RESPONSES},
        url_name=f"{kind}_ninjs",
        operation_id=f"{kind}_ninjs",
        summary=f"One of the {label[0]} as IPTC ninjs 2.x / Một mục theo chuẩn ninjs",
        auth=auth.READ,
    )
    @only()
    def ninjs(request: HttpRequest, item_id: ItemId):
        asset, gone = visible_or_gone(request, model, item_id)
        if gone is not None:
            return gone
        reuse.record_fetch(caller_of(request), key_for(asset), asset.agency_id, FetchKind.ITEM)
        return asset_ninjs(represent_assets(request, [asset])[0])

    add_write_operations(router, kind, model, label)
    return router
