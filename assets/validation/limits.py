"""Upload limits from the ASSET_UPLOAD_LIMITS setting, with safe defaults for missing keys."""

from __future__ import annotations

from dataclasses import dataclass, fields

from django.conf import settings

MB = 1024 * 1024
GB = 1024 * MB


@dataclass(frozen=True)
class UploadLimits:
    image_max_bytes: int = 50 * MB
    image_max_pixels: int = 80_000_000
    svg_max_bytes: int = 5 * MB
    document_max_bytes: int = 200 * MB
    pdf_max_pages: int = 2000
    media_max_bytes: int = 20 * GB
    media_max_duration_seconds: int = 6 * 3600

    def max_bytes(self, family: str) -> int:
        if family in ("video", "audio", "media"):
            return self.media_max_bytes
        return getattr(self, f"{family}_max_bytes")


def upload_limits() -> UploadLimits:
    """The limits in force now (read at each call, so test overrides apply)."""
    configured = getattr(settings, "ASSET_UPLOAD_LIMITS", None) or {}
    known = {field.name for field in fields(UploadLimits)}
    return UploadLimits(**{key: int(value) for key, value in configured.items() if key in known})
