"""Reuse counting without a database write per request: each fetch increments a counter in the
shared cache (atomic in Redis); a periodic task adds the counters to `ReuseCount` rows per day,
consumer, item and kind of fetch.

Which counters exist is kept in numbered slots per day (`reuse-slots:<day>` counts them), since
a cache cannot list its keys. A flush reads a counter, writes it, then decrements it by what it
wrote, so fetches counted meanwhile wait for the next flush.
"""

from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .limits import counter_lock
from .models import ReuseCount

DAY_SECONDS = 86_400
KEEP_SECONDS = 3 * DAY_SECONDS


def _member(day: str, consumer_id, key: str, agency_id, fetch: str) -> str:
    return f"{day}|{consumer_id or ''}|{key}|{agency_id or ''}|{fetch}"


def record_fetch(caller, key: str, agency_id, fetch: str) -> None:
    consumer = getattr(caller, "consumer", None)
    day = timezone.localdate().isoformat()
    member = _member(day, consumer.pk if consumer else None, key, agency_id, fetch)
    counter = f"reuse:{member}"
    with counter_lock():
        if cache.add(counter, 0, timeout=KEEP_SECONDS):
            cache.add(f"reuse-slots:{day}", 0, timeout=KEEP_SECONDS)
            slot = cache.incr(f"reuse-slots:{day}")
            cache.set(f"reuse-slot:{day}:{slot}", member, timeout=KEEP_SECONDS)
        try:
            cache.incr(counter)
        except ValueError:  # expired in between: start again
            cache.set(counter, 1, timeout=KEEP_SECONDS)


def flush() -> int:
    """Move the buffered counts of today and yesterday into the database; returns how many."""
    today = timezone.localdate()
    return sum(_flush_day((today - timedelta(days=back)).isoformat()) for back in (1, 0))


def _flush_day(day: str) -> int:
    slots = cache.get(f"reuse-slots:{day}") or 0
    if not slots:
        return 0
    names = [f"reuse-slot:{day}:{slot}" for slot in range(1, slots + 1)]
    members = [member for member in cache.get_many(names).values() if member]
    counters = {f"reuse:{member}": member for member in members}
    moved = 0
    for counter, count in cache.get_many(list(counters)).items():
        if count:
            _add(counters[counter], count)
            with counter_lock():
                cache.decr(counter, count)
            moved += count
    return moved


def _add(member: str, count: int) -> None:
    day, consumer_id, key, agency_id, fetch = member.split("|")
    consumer_id, agency_id = consumer_id or None, agency_id or None
    if consumer_id and not _exists("consumer", consumer_id):
        return  # its counts went with the consumer (rows cascade)
    if agency_id and not _exists("agency", agency_id):
        agency_id = None  # as the row's agency would be after the deletion
    lookup = {"day": day, "consumer_id": consumer_id, "key": key, "fetch": fetch}
    with transaction.atomic():
        updated = ReuseCount.objects.filter(**lookup).update(count=F("count") + count)
        if not updated:
            ReuseCount.objects.create(**lookup, agency_id=agency_id, count=count)


def _exists(field: str, pk) -> bool:
    """A buffered count may outlive the consumer or agency it names (deleted since the fetch)."""
    return ReuseCount._meta.get_field(field).related_model.objects.filter(pk=pk).exists()
