"""One stream of what changed in the public library, oldest first: assets (by `updated_at`),
articles (by `last_published_at`) and tombstones (withdrawn, deleted, licence expired). The v3
change feed and OAI-PMH harvesting both walk it, by keyset position (time, kind, id)."""

import base64
import binascii
import json
from datetime import UTC, datetime

from django.db.models import Q

from assets.models import DocumentAsset, ImageAsset, MediaAsset
from cms.pages.models import ArticlePage

from .models import Tombstone

# kind -> (model, time field); "~" sorts tombstones after items of the same instant.
SOURCES = {
    "article": (ArticlePage, "last_published_at"),
    "document": (DocumentAsset, "updated_at"),
    "image": (ImageAsset, "updated_at"),
    "media": (MediaAsset, "updated_at"),
}
TOMBSTONE = "~tombstone"
BEGINNING = (datetime(1970, 1, 1, tzinfo=UTC), "", 0)


class BadPosition(ValueError):
    pass


def encode_position(at: datetime, kind: str, pk: int, **extra) -> str:
    data = {"t": at.isoformat(), "k": kind, "i": pk, **extra}
    raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_position(token: str) -> tuple[tuple[datetime, str, int], dict]:
    """((time, kind, id), the extra values) of a token; BadPosition if it is not one of ours."""
    try:
        data = json.loads(base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)))
        at = datetime.fromisoformat(data.pop("t"))
        kind, pk = data.pop("k"), data.pop("i")
        if at.tzinfo is None or not isinstance(pk, int) or not isinstance(kind, str):
            raise ValueError
    except (ValueError, KeyError, TypeError, AttributeError, binascii.Error) as bad:
        raise BadPosition from bad
    return (at, kind, pk), data


def _beyond(field: str, kind: str, position) -> Q:
    at, after_kind, after_pk = position
    later = Q(**{f"{field}__gt": at})
    if kind > after_kind:
        return later | Q(**{field: at})
    if kind == after_kind:
        return later | Q(**{field: at, "pk__gt": after_pk})
    return later


def changes_after(
    position,
    limit: int,
    querysets: dict,
    *,
    until: datetime | None = None,
    kinds: set[str] | None = None,
) -> list[tuple]:
    """Up to `limit` rows (time, kind, id, object) after `position`, oldest first.

    `querysets` maps each kind to the queryset of what the caller may see."""
    rows = []
    for kind, (_model, field) in SOURCES.items():
        if kinds is not None and kind not in kinds:
            continue
        queryset = querysets[kind].filter(_beyond(field, kind, position))
        if until is not None:
            queryset = queryset.filter(**{f"{field}__lte": until})
        rows += [
            (getattr(item, field), kind, item.pk, item)
            for item in queryset.order_by(field, "pk")[:limit]
        ]
    stones = Tombstone.objects.filter(_beyond("at", TOMBSTONE, position))
    if until is not None:
        stones = stones.filter(at__lte=until)
    if kinds is not None:
        stones = stones.filter(kind__in=kinds)
    rows += [
        (stone.at, TOMBSTONE, stone.pk, stone) for stone in stones.order_by("at", "pk")[:limit]
    ]
    return sorted(rows, key=lambda row: row[:3])[:limit]
