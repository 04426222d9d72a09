"""A file checked without being stored: validated like an upload, then fingerprinted."""

from assets.ingest import inspect_upload
from assets.kinds import ALL_FAMILIES

from .fingerprinting import Fingerprinted
from .inspector import NAME


def check_uploaded_file(upload) -> Fingerprinted:
    """UploadRejected for a bad file; nothing is stored either way."""
    facts = inspect_upload(upload, filename=upload.name, allowed=ALL_FAMILIES)
    return facts.findings[NAME]
