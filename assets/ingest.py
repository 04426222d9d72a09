"""What happens to a file between the upload and the row: validate, hash, read its metadata.

The forms, the API and the demo loader all go through `inspect_upload` and `apply_upload_facts`,
so a file is checked the same way whichever door it came in by. Other apps look at every upload
through an inspector they register here from their `ready()` (the duplicates app fingerprints it):
each inspector's finding is kept in the facts, and with the asset until it is saved
(`take_upload_finding`).
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from .delivery.filenames import clean_original_filename
from .metadata import extract_image_metadata, extract_pdf_metadata
from .validation import SniffedFile, validate_upload

MAX_KEYWORD_TAGS = 30


@dataclass
class UploadFacts:
    sniffed: SniffedFile
    sha256: str
    size: int
    filename: str = ""
    metadata: Any = None
    keywords: list[str] = field(default_factory=list)
    findings: dict[str, Any] = field(default_factory=dict)  # inspector name -> its finding

    @property
    def text(self) -> str:
        """The text read from the file (a PDF's), if any."""
        return getattr(self.metadata, "text", "") or ""


# An inspector takes the (validated) file and the facts so far and returns its finding.
Inspector = Callable[[Any, UploadFacts], Any]
_inspectors: dict[str, Inspector] = {}


def register_inspector(name: str, inspector: Inspector) -> None:
    """Have `inspector` look at every upload once it passed validation (idempotent by name)."""
    _inspectors[name] = inspector


def sha256_of(file) -> str:
    file.seek(0)
    digest = hashlib.file_digest(file, "sha256")
    file.seek(0)
    return digest.hexdigest()


def inspect_upload(file, *, filename: str, allowed: tuple[str, ...]) -> UploadFacts:
    """Refuse a bad file (UploadRejected) or describe a good one; reads it in chunks."""
    sniffed = validate_upload(file, filename=filename, allowed=allowed)
    facts = UploadFacts(
        sniffed=sniffed,
        sha256=sha256_of(file),
        size=file.size,
        filename=clean_original_filename(filename),
    )
    facts.metadata = _read_metadata(file, sniffed)
    facts.keywords = list(getattr(facts.metadata, "keywords", None) or [])
    for name, inspector in _inspectors.items():
        try:
            facts.findings[name] = inspector(file, facts)
        finally:
            file.seek(0)
    return facts


def _read_metadata(file, sniffed: SniffedFile):
    try:
        if sniffed.family == "image":
            return extract_image_metadata(file)
        if sniffed.family == "document":
            return extract_pdf_metadata(file)
        return None
    finally:
        file.seek(0)


def apply_upload_facts(instance, facts: UploadFacts) -> None:
    """Set the hash, size and dimensions, and pre-fill the metadata the editor left blank."""
    instance.content_sha256 = facts.sha256
    instance.byte_size = facts.size
    instance.original_filename = facts.filename
    for name in ("width", "height", "duration"):
        value = getattr(facts.sniffed, name, None)
        if value and hasattr(instance, name):
            setattr(instance, name, value)
    if hasattr(instance, "file_size"):
        instance.file_size = facts.size
    if facts.sniffed.family in ("video", "audio"):
        instance.type = facts.sniffed.family
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
    instance._pending_keywords = facts.keywords[:MAX_KEYWORD_TAGS]
    instance._upload_findings = dict(facts.findings)


def take_upload_finding(instance, name: str) -> Any:
    """What inspector `name` found in the file of an asset being saved; taken once, so saving the
    asset again later finds nothing."""
    findings = getattr(instance, "_upload_findings", None) or {}
    return findings.pop(name, None)


def _fill_blank(instance, name: str, value) -> None:
    if value and hasattr(instance, name) and not getattr(instance, name):
        setattr(instance, name, value)


def create_asset(model, file, *, filename: str, collection, title: str, user=None, **fields):
    """Check a file and store it as a new asset of `model`: the one path for code, API and demo.

    Raises UploadRejected for a bad file; then nothing is stored and no row is written.
    """
    facts = inspect_upload(file, filename=filename, allowed=model.upload_families)
    asset = model(title=title, collection=collection, uploaded_by_user=user, **fields)
    apply_upload_facts(asset, facts)
    asset.file.save(filename, file, save=False)
    try:
        with transaction.atomic():
            asset.save()
    except Exception:
        asset.file.storage.delete(asset.file.name)
        raise
    return asset
