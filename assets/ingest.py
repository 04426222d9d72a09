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
from .metadata.guess_kind import guess_document_kind, guess_image_kind, guess_media_kind
from .rights import apply_agency_defaults
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
    kind: str | None = None  # the asset kind the file looks like (assets.metadata.guess_kind)
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


def inspect_upload(
    file, *, filename: str, allowed: tuple[str, ...], sha256: str = ""
) -> UploadFacts:
    """Refuse a bad file (UploadRejected) or describe a good one; reads it in chunks. A caller
    that hashed the bytes as they arrived passes their `sha256` (a large file is not read again)."""
    sniffed = validate_upload(file, filename=filename, allowed=allowed)
    facts = UploadFacts(
        sniffed=sniffed,
        sha256=sha256 or sha256_of(file),
        size=file.size,
        filename=clean_original_filename(filename),
    )
    facts.metadata = _read_metadata(file, sniffed)
    facts.keywords = list(getattr(facts.metadata, "keywords", None) or [])
    facts.kind = _guess_kind(file, sniffed, facts.metadata)
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


def _guess_kind(file, sniffed: SniffedFile, metadata) -> str | None:
    if sniffed.family in ("image", "svg"):
        taken_by_camera = getattr(metadata, "created_at", None) is not None
        return guess_image_kind(file, sniffed.family, taken_by_camera)
    if sniffed.family == "document":
        return guess_document_kind(getattr(metadata, "first_page_ratio", None))
    return guess_media_kind(sniffed.family, sniffed.duration)


def apply_upload_facts(instance, facts: UploadFacts, *, kind_chosen: bool = False) -> None:
    """Set the hash, size and dimensions, pre-fill the metadata the editor left blank (from the
    file, then from the agency's defaults) and, for a new asset whose kind the editor did not
    choose, the kind the file looks like."""
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
    for name, value in described_values(facts).items():
        _fill_blank(instance, name, value)
    if hasattr(instance, "page_count") and meta is not None:
        instance.page_count = getattr(meta, "page_count", None)
        instance.extracted_text = getattr(meta, "text", "") or ""
    apply_agency_defaults(instance)
    if facts.kind and instance.pk is None and not kind_chosen:
        instance.kind = facts.kind
    instance._pending_keywords = facts.keywords[:MAX_KEYWORD_TAGS]
    instance._upload_findings = dict(facts.findings)


def described_values(facts: UploadFacts) -> dict[str, Any]:
    """Asset field -> what the file says about itself (EXIF, IPTC, XMP, PDF information)."""
    meta = facts.metadata
    if meta is None:
        return {}
    values = {
        "creator": getattr(meta, "creator", None),
        "copyright_holder": getattr(meta, "copyright", None),
        "credit_line": getattr(meta, "credit_line", None),
        "description": getattr(meta, "caption", None),
        "captured_at": getattr(meta, "created_at", None),
    }
    return {name: value for name, value in values.items() if value}


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
    apply_upload_facts(asset, facts, kind_chosen="kind" in fields)
    asset.file.save(filename, file, save=False)
    try:
        with transaction.atomic():
            asset.save()
    except Exception:
        asset.file.storage.delete(asset.file.name)
        raise
    return asset
