"""The one exception an upload check raises, with a stable code and a message for the editor."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

FAMILY_LABELS = {
    "image": _("images (JPEG, PNG, GIF, WebP, AVIF, HEIC)"),
    "svg": _("SVG drawings"),
    "document": _("PDF documents"),
    "video": _("video files"),
    "audio": _("audio files"),
}


class UploadRejected(ValidationError):
    """A file that must not be stored. `code` is stable; the message names the problem."""

    def __init__(self, message: Any, code: str, **params: Any) -> None:
        super().__init__(message, code=code, params=params)

    @property
    def text(self) -> str:
        return self.messages[0]

    def __reduce__(self):
        # Crosses process boundaries whole (assets.isolation): message, code and its params.
        return (_rejected, (self.message, self.code, self.params or {}))


def _rejected(message: Any, code: str, params: dict) -> UploadRejected:
    return UploadRejected(message, code, **params)


def human_size(size: int) -> str:
    return str(filesizeformat(size))


def family_list(families: tuple[str, ...] | frozenset[str] | list[str]) -> str:
    return ", ".join(str(FAMILY_LABELS.get(family, family)) for family in families)
