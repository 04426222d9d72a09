"""The change feed: everything that changed since a moment, oldest first, so a newsroom can
mirror the library incrementally. New and changed items come whole; withdrawn, deleted and
licence-expired ones as tombstones. Keyset pagination over (time, kind, id)."""

from datetime import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.errors import HttpError
from pydantic import Field

from cms.pages.models import ArticlePage

from ...access import visible_assets
from ...changefeed import (
    BEGINNING,
    SOURCES,
    TOMBSTONE,
    BadPosition,
    changes_after,
    decode_position,
    encode_position,
)
from .. import auth
from ..errors import ERROR_RESPONSES
from ..params import MAX_LIMIT, only
from ..representations.articles import represent_article, with_article_related
from ..representations.assets import represent_assets, with_related
from ..schemas.articles import ArticleOut
from ..schemas.assets import AssetOut

router = Router(tags=["changes"])


class ChangeParams(Schema):
    updated_since: datetime | None = Field(
        None, description="Changes after this moment (ISO 8601); all when omitted"
    )
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    cursor: str | None = None


class ChangeOut(Schema):
    action: str = Field(description="upsert | delete")
    key: str
    type: str
    id: int
    at: datetime
    reason: str | None = Field(None, description="deleted | withdrawn | licence_expired")
    detail: str = ""
    asset: AssetOut | None = None
    article: ArticleOut | None = None


class ChangesOut(Schema):
    items: list[ChangeOut]
    next_cursor: str | None = None
    next: str | None = None


def querysets(request) -> dict:
    return {
        kind: with_article_related(ArticlePage.objects.live().public())
        if model is ArticlePage
        else with_related(visible_assets(model.objects.all(), request))
        for kind, (model, _field) in SOURCES.items()
    }


def _entry(request, row, represented: dict) -> dict:
    at, kind, pk, item = row
    if kind == TOMBSTONE:
        return {
            "action": "delete",
            "key": item.key,
            "type": item.kind,
            "id": item.object_id,
            "at": at,
            "reason": item.reason,
            "detail": item.detail,
        }
    entry = {"action": "upsert", "key": f"{kind}:{pk}", "type": kind, "id": pk, "at": at}
    if kind == "article":
        entry["article"] = represent_article(request, item)
    else:
        entry["asset"] = represented[(kind, pk)]
    return entry


@router.get(
    "/changes/",
    response={200: ChangesOut, **ERROR_RESPONSES},
    url_name="changes",
    operation_id="changes",
    summary=("Change feed / Nguồn thay đổi"),
    description=(
        "New, changed, withdrawn and deleted items since `updated_since`, oldest first. Keep "
        "the last `next_cursor` (or the last `at`) to ask again later. / Các mục mới, sửa, thu "
        "hồi và xóa kể từ một thời điểm."
    ),
    auth=auth.READ,
)
@only(ChangeParams)
def changes(request: HttpRequest, params: ChangeParams = Query(...)):
    if params.cursor:
        try:
            position, _extra = decode_position(params.cursor)
        except BadPosition as bad:
            raise HttpError(400, _("The cursor is not valid for this query.")) from bad
    elif params.updated_since:
        position = (params.updated_since, "", 0)
    else:
        position = BEGINNING
    rows = changes_after(position, params.limit + 1, querysets(request))
    page, more = rows[: params.limit], len(rows) > params.limit
    represented = {}
    for kind in ("image", "document", "media"):
        assets = [row[3] for row in page if row[1] == kind]
        for item in represent_assets(request, assets):
            represented[(kind, item["id"])] = item
    next_cursor = encode_position(*page[-1][:3]) if page else params.cursor
    next_url = None
    if more and next_cursor:
        next_url = request.build_absolute_uri(f"{request.path}?cursor={next_cursor}")
    return {
        "items": [_entry(request, row, represented) for row in page],
        "next_cursor": next_cursor,
        "next": next_url,
    }
