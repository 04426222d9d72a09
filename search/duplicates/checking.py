"""A file checked without being stored as an asset: validated like an upload and fingerprinted
the cheap way at once; audio, video and documents wait in storage for the background part,
which adds the near copies to the check (`background.finish_check`)."""

from dataclasses import dataclass

from django.core.files.storage import default_storage

from assets.ingest import inspect_upload
from assets.kinds import ALL_FAMILIES

from .enums import CheckState
from .fingerprinting import Fingerprinted
from .inspector import NAME

STAGING_PREFIX = "duplicate-checks"


@dataclass
class CheckedFile:
    fingerprinted: Fingerprinted
    family: str
    demuxer: str


def check_uploaded_file(upload) -> CheckedFile:
    """UploadRejected for a bad file; nothing is stored either way."""
    facts = inspect_upload(upload, filename=upload.name, allowed=ALL_FAMILIES)
    return CheckedFile(facts.findings[NAME], facts.sniffed.family, facts.sniffed.demuxer)


def stage_for_background(check, upload) -> None:
    """Keep the file where a worker (maybe on another machine) can read it, until the check's
    background part has run or the check expires."""
    upload.seek(0)
    check.staged_name = default_storage.save(f"{STAGING_PREFIX}/{check.token}/upload", upload)
    check.state, check.progress = CheckState.CHECKING, 0.0
    check.save(update_fields=["staged_name", "state", "progress"])
