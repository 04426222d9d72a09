"""Does storage still hold every asset's original, byte for byte?"""

import hashlib
from dataclasses import dataclass, field

from ..kinds import asset_models


@dataclass
class VerifyReport:
    checked: int = 0
    problems: list[str] = field(default_factory=list)


def stored_sha256(storage, name: str) -> str | None:
    """SHA-256 of a stored file, read in chunks; None when it is missing."""
    if not storage.exists(name):
        return None
    with storage.open(name, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def verify_originals() -> VerifyReport:
    report = VerifyReport()
    digests: dict[str, str | None] = {}  # shared originals are read once
    for model in asset_models():
        for asset in model.objects.only("pk", "file", "content_sha256").iterator():
            report.checked += 1
            label = f"{model._meta.label} {asset.pk} ({asset.file.name})"
            if not asset.content_sha256:
                report.problems.append(f"{label}: no SHA-256 recorded")
                continue
            name = asset.file.name
            if name not in digests:
                digests[name] = stored_sha256(asset.file.storage, name)
            if digests[name] is None:
                report.problems.append(f"{label}: missing from storage")
            elif digests[name] != asset.content_sha256:
                report.problems.append(f"{label}: bytes hash to {digests[name]}")
    return report
