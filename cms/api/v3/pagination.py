"""Cursor pagination over a sorted queryset (keyset: the last item's sort value and id), so a
deep page costs what the first one does, and items added meanwhile never shift a page."""

import base64
import binascii
import json
from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from ninja.errors import HttpError

# sort parameter -> (model field, descending)
SORT_FIELDS = {
    "-created": ("created_at", True),
    "created": ("created_at", False),
    "-updated": ("updated_at", True),
    "updated": ("updated_at", False),
    "title": ("title", False),
}
ARTICLE_SORT_FIELDS = {
    "-created": ("first_published_at", True),
    "created": ("first_published_at", False),
    "-updated": ("last_published_at", True),
    "updated": ("last_published_at", False),
    "title": ("title", False),
}


def encode(sort: str, value, pk: int) -> str:
    raw = json.dumps(
        {"s": sort, "v": value.isoformat() if isinstance(value, datetime) else value, "i": pk},
        separators=(",", ":"),
        ensure_ascii=False,
    )
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str, sort: str, fields: dict = SORT_FIELDS) -> tuple:
    try:
        data = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        if data["s"] != sort or not isinstance(data["i"], int):
            raise ValueError
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError) as bad:
        raise HttpError(400, _("The cursor is not valid for this query.")) from bad
    field, _descending = fields[sort]
    value = parse_datetime(data["v"]) if field.endswith("_at") else data["v"]
    if value is None:
        raise HttpError(400, _("The cursor is not valid for this query."))
    return value, data["i"]


def order(queryset: QuerySet, sort: str, fields: dict = SORT_FIELDS) -> QuerySet:
    field, descending = fields[sort]
    prefix = "-" if descending else ""
    return queryset.order_by(f"{prefix}{field}", f"{prefix}pk")


def after(
    queryset: QuerySet, sort: str, cursor: str | None, fields: dict = SORT_FIELDS
) -> QuerySet:
    if not cursor:
        return queryset
    value, pk = decode(cursor, sort, fields)
    field, descending = fields[sort]
    beyond = "lt" if descending else "gt"
    return queryset.filter(
        Q(**{f"{field}__{beyond}": value}) | Q(**{field: value, f"pk__{beyond}": pk})
    )


def page(
    queryset: QuerySet, sort: str, cursor: str | None, limit: int, fields: dict = SORT_FIELDS
) -> tuple[list, str | None]:
    """One page of items and the cursor of the next (None on the last page)."""
    items = list(after(order(queryset, sort, fields), sort, cursor, fields)[: limit + 1])
    if len(items) <= limit:
        return items, None
    items = items[:limit]
    field, _descending = fields[sort]
    last = items[-1]
    return items, encode(sort, getattr(last, field), last.pk)
