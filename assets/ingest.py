"""What happens to a file between the upload and the row: validate, hash, read its metadata.

The forms, the API and the demo loader all go through `inspect_upload` and `apply_upload_facts`,
so a file is checked the same way whichever door it came in by.
"""

import hashlib
from dataclasses import dataclass, field
from typing import Any

from .validation import SniffedFile, validate_upload

HASH_CHUNK = 1024 * 1024


@dataclass
class UploadFacts:
    sniffed: SniffedFile
    sha256: str
    size: int
    metadata: Any = None
    keywords: list[str] = field(default_factory=list)


def sha256_of(file) -> str:
    file.seek(0)
    digest = hashlib.file_digest(file, "sha256")
    file.seek(0)
    return digest.hexdigest()


def inspect_upload(file, *, filename: str, allowed: tuple[str, ...]) -> UploadFacts:
    """Refuse a bad file (UploadRejected) or describe a good one; reads it in chunks."""
    sniffed = validate_upload(file, filename=filename, allowed=allowed)
    facts = UploadFacts(sniffed=sniffed, sha256=sha256_of(file), size=file.size)
    facts.metadata = _read_metadata(file, sniffed)
    facts.keywords = list(getattr(facts.metadata, "keywords", None) or [])
    return facts


def _read_metadata(file, sniffed: SniffedFile):
    from .metadata import extract_image_metadata, extract_pdf_metadata

    try:
        if sniffed.family == "image":
            return extract_image_metadata(file)
        if sniffed.family == "document":
            return extract_pdf_metadata(file)
        return None
    finally:
        file.seek(0)


def apply_upload_facts(instance, facts: UploadFacts) -> None:
    """Set the hash and size, and pre-fill the metadata fields the editor left blank."""
    instance.content_sha256 = facts.sha256
    instance.byte_size = facts.size
    meta = facts.metadata
    if meta is not None:
        _fill_blank(instance, "creator", getattr(meta, "creator", None))
        _fill_blank(instance, "copyright_holder", getattr(meta, "copyright", None))
        _fill_blank(instance, "credit_line", getattr(meta, "credit_line", None))
        _fill_blank(instance, "description", getattr(meta, "caption", None))
        _fill_blank(instance, "captured_at", getattr(meta, "created_at", None))
    if hasattr(instance, "page_count") and meta is not None:
        instance.page_count = getattr(meta, "page_count", None)
        instance.extracted_text = getattr(meta, "text", "") or ""
    instance._pending_keywords = facts.keywords


def _fill_blank(instance, name: str, value) -> None:
    if value and hasattr(instance, name) and not getattr(instance, name):
        setattr(instance, name, value)
