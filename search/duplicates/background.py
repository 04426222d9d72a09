"""The background part of a duplicate check: everything the request left out (video frames,
Chromaprint, the poster, a document's text), computed from the stored original, with progress
reported to the item's status so the editor's page can show it."""

import logging
import time

from django.db.models import F
from django.utils import timezone

from search.keys import instance_for_key
from search.signal_handlers import enqueue_index

from .enums import CheckState
from .fingerprinting import fingerprint_asset
from .models import FingerprintStatus
from .storing import record_failure, store_fingerprints

logger = logging.getLogger(__name__)
PROGRESS_EVERY_SECONDS = 1.0


def complete_fingerprints(key: str) -> str:
    """Fingerprint the stored item `key` fully; returns the state it ends in."""
    asset = instance_for_key(key)
    if asset is None:
        FingerprintStatus.objects.filter(key=key).delete()
        return "gone"
    FingerprintStatus.objects.update_or_create(
        key=key,
        defaults={"state": CheckState.CHECKING, "progress": 0.0, "changed_at": timezone.now()},
    )
    FingerprintStatus.objects.filter(key=key).update(attempts=F("attempts") + 1)
    try:
        found = fingerprint_asset(asset, on_progress=_progress_of(key))
    except Exception as error:  # the original is missing or unreadable: recorded, retried
        logger.warning("Fingerprinting %s failed: %s", key, error)
        record_failure(key, error)
        return CheckState.NOT_CHECKED
    status = store_fingerprints(asset, found)
    enqueue_index(asset)  # the index learns the new terms
    return status.state


def _progress_of(key: str):
    """Write the progress at most once a second (a long video reports often)."""
    last = [0.0]

    def report(done: float) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY_SECONDS:
            last[0] = now
            FingerprintStatus.objects.filter(key=key).update(
                progress=round(done, 3), changed_at=timezone.now()
            )

    return report
