"""The background part of a duplicate check: everything the request left out (video frames,
Chromaprint, the poster, a document's text), computed from the stored original, with progress
reported to the item's status so the editor's page can show it."""

import logging
import time

from django.core.files.storage import default_storage
from django.db.models import F
from django.utils import timezone

from assets.metadata import extract_pdf_metadata
from search.keys import instance_for_key, kind_for_model
from search.signal_handlers import enqueue_index

from .articles import store_article_fingerprints
from .enums import CheckState
from .evidence import add_matches
from .fingerprinting import fingerprint_asset, fingerprint_file
from .matching import find_duplicates
from .models import DuplicateCheck, FingerprintStatus
from .storing import record_failure, store_fingerprints

logger = logging.getLogger(__name__)
PROGRESS_EVERY_SECONDS = 1.0


def complete_fingerprints(key: str) -> str:
    """Fingerprint the stored item `key` fully; returns the state it ends in."""
    asset = instance_for_key(key)
    if asset is None:
        FingerprintStatus.objects.filter(key=key).delete()
        return "gone"
    if kind_for_model(type(asset)) == "article":  # its text: no file to read
        store_article_fingerprints(asset)
        return CheckState.CHECKED
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
    return _every_second(
        lambda done: FingerprintStatus.objects.filter(key=key).update(
            progress=done, changed_at=timezone.now()
        )
    )


def _every_second(write):
    """`write(share done)` at most once a second (a long video reports often)."""
    last = [0.0]

    def report(done: float) -> None:
        now = time.monotonic()
        if now - last[0] >= PROGRESS_EVERY_SECONDS:
            last[0] = now
            write(round(done, 3))

    return report


def finish_check(token: str) -> str:
    """The background part of a check of a file (API): every fingerprint of the staged file,
    the near copies added to the check; the file goes once done."""
    check = DuplicateCheck.objects.filter(token=token, expires_at__gt=timezone.now()).first()
    if check is None or not check.staged_name:
        return "gone"
    report = _check_progress_of(check.pk)
    try:
        with default_storage.open(check.staged_name, "rb") as handle:
            found = fingerprint_file(
                handle,
                family=check.family,
                sha256=check.sha256,
                demuxer=check.demuxer,
                text=extracted_text(handle) if check.family == "document" else "",
                on_progress=report,
            )
        add_matches(check, find_duplicates(found))
        check.state = CheckState.NOT_CHECKED if found.failures else CheckState.CHECKED
    except Exception as error:  # unreadable: the check says so rather than "no copies"
        logger.warning("Checking %s failed: %s", token, error)
        check.state = CheckState.NOT_CHECKED
    default_storage.delete(check.staged_name)
    check.staged_name, check.progress = "", 1.0
    check.save(update_fields=["state", "staged_name", "progress"])
    return check.state


def _check_progress_of(pk: int):
    return _every_second(lambda done: DuplicateCheck.objects.filter(pk=pk).update(progress=done))


def extracted_text(handle) -> str:
    """A checked PDF's text, read as the upload path reads it."""
    handle.seek(0)
    try:
        return getattr(extract_pdf_metadata(handle), "text", "") or ""
    finally:
        handle.seek(0)
