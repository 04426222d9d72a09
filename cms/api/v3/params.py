"""Query parameters: each operation accepts the ones it documents and refuses any other with
400 (a typo must not silently widen a query)."""

import functools
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Path, Schema
from ninja.errors import HttpError
from pydantic import Field

MAX_LIMIT = 100


class AssetSort(StrEnum):
    NEWEST = "-created"
    OLDEST = "created"
    RECENTLY_UPDATED = "-updated"
    UPDATED = "updated"
    TITLE = "title"


class PageParams(Schema):
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description="Items per page (1-100) / Số mục")
    cursor: str | None = Field(None, description="`next_cursor` of the previous page")


class AssetFilters(PageParams):
    q: str | None = Field(
        None,
        max_length=200,
        description="Full text, with or without diacritics / Tìm toàn văn, có hoặc không dấu",
        examples=["chuyen doi so"],
    )
    kind: list[str] = Field([], description="photo, infographic, video, podcast, pdf…")
    topic: list[str] = Field([], description="Topic slug (its subtopics included)")
    audience: list[str] = Field([], description="Audience slug")
    agency: list[str] = Field([], description="Agency code, e.g. bo-khcn")
    agency_kind: list[str] = Field([], description="ministry, province, press…")
    campaign: list[str] = Field([], description="Campaign slug")
    language: list[str] = Field([], description="vi, en…")
    licence: list[str] = Field([], description="Licence code")
    created_after: date | None = Field(None, description="Created on or after (YYYY-MM-DD)")
    created_before: date | None = Field(None, description="Created on or before (YYYY-MM-DD)")
    updated_since: datetime | None = Field(
        None, description="Only items changed since (ISO 8601) / Chỉ các mục thay đổi từ"
    )
    sort: AssetSort = Field(AssetSort.NEWEST, description="Order of the items")


class ImageFilters(AssetFilters):
    rendition: list[str] = Field(
        [],
        description=(
            "Extra image sizes/formats as Wagtail filter specs, up to 5, at most 4000 px: "
            "width-800, fill-1200x630|format-webp…"
        ),
        examples=[["fill-1200x630|format-webp"]],
    )


def accepted_names(*schemas: type[Schema]) -> set[str]:
    return {
        field.alias or name for schema in schemas for name, field in schema.model_fields.items()
    }


def only(*schemas: type[Schema], extra: tuple[str, ...] = ()):
    """Refuse (400) any query parameter these schemas do not declare."""
    allowed = accepted_names(*schemas) | set(extra)

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            texts = [request.path, *request.GET, *(v for _k, vs in request.GET.lists() for v in vs)]
            if any("\x00" in text for text in texts):
                # Databases refuse NUL in text (PostgreSQL raises): a bad parameter, not a crash.
                raise HttpError(400, _("Parameters may not contain NUL characters."))
            unknown = sorted(set(request.GET) - allowed)
            if unknown:
                raise HttpError(
                    400,
                    _("Unknown parameters: %(names)s. Accepted: %(accepted)s.")
                    % {"names": ", ".join(unknown), "accepted": ", ".join(sorted(allowed))},
                )
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


# A database id: positive and within a 64-bit integer (larger numbers are a 400, not a crash).
ItemId = Annotated[int, Path(ge=1, le=2**63 - 1, description="Item id")]
