"""Items whose check failed, or stopped (a worker that died), are tried again in the background,
less often each time; after MAX_ATTEMPTS they stay "not checked" (visible in the listing and the
report) until someone runs `fingerprint_assets` or asks for a retry. Items fingerprinted by an
older version of the algorithms are fingerprinted again, a batch at a time."""

from datetime import timedelta

from django.db.models import Q
from django.utils import timezone

from .enums import CheckState
from .models import AssetFingerprint, FingerprintStatus
from .storing import FINGERPRINT_VERSION

MAX_ATTEMPTS = 5
FIRST_DELAY = timedelta(minutes=5)  # doubled after each attempt
STALLED_AFTER = timedelta(hours=2)  # a check that has not moved for this long lost its worker
BATCH = 200


def due_for_retry(now=None):
    now = now or timezone.now()
    failed = Q(state=CheckState.NOT_CHECKED, attempts__lt=MAX_ATTEMPTS)
    due = Q(pk__in=[])
    for attempts in range(MAX_ATTEMPTS):
        waited = now - FIRST_DELAY * (2**attempts)
        due |= Q(attempts=attempts, changed_at__lte=waited)
    stalled = Q(
        state=CheckState.CHECKING, changed_at__lte=now - STALLED_AFTER, attempts__lt=MAX_ATTEMPTS
    )
    return FingerprintStatus.objects.filter((failed & due) | stalled).order_by("changed_at")


def give_up_on_stalled(now=None) -> int:
    """Checks that stalled every time they were tried are "not checked", not "checking"."""
    now = now or timezone.now()
    return FingerprintStatus.objects.filter(
        state=CheckState.CHECKING, changed_at__lte=now - STALLED_AFTER, attempts__gte=MAX_ATTEMPTS
    ).update(state=CheckState.NOT_CHECKED, error="the background check stopped every time")


def outdated(limit: int) -> list[str]:
    """Keys fingerprinted by an older FINGERPRINT_VERSION whose check is done: one under way is
    left to run, a failed one to `due_for_retry` (and its pauses)."""
    unfinished = FingerprintStatus.objects.exclude(state=CheckState.CHECKED).values("key")
    older = AssetFingerprint.objects.filter(version__lt=FINGERPRINT_VERSION).exclude(
        key__in=unfinished
    )
    return list(older.order_by("key").values_list("key", flat=True).distinct()[:limit])


def retry_unchecked(enqueue) -> int:
    """Enqueue the background part again for every item due, then for outdated ones up to a
    batch; returns how many."""
    give_up_on_stalled()
    keys = list(due_for_retry().values_list("key", flat=True)[:BATCH])
    now = timezone.now()
    FingerprintStatus.objects.filter(key__in=keys).update(changed_at=now)
    stale = [key for key in outdated(BATCH) if key not in keys][: BATCH - len(keys)]
    FingerprintStatus.objects.filter(key__in=stale).update(
        state=CheckState.CHECKING, changed_at=now, attempts=0
    )
    keys += stale
    for key in keys:
        enqueue(key)
    return len(keys)
