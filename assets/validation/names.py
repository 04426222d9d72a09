"""What a file's name alone can refuse, before a byte of it is received.

A resumable upload announces its name when it is created; a name that could never pass (too long,
no extension, an extension of no accepted kind, a path or control characters) is refused then,
not after gigabytes were sent.
"""

from __future__ import annotations

import unicodedata

from django.utils.translation import gettext_lazy as _

from .errors import UploadRejected, family_list
from .identify import MEDIA_FAMILIES, name_extension
from .signatures import type_for_extension

MAX_NAME_LENGTH = 255  # characters, as every upload door and the models keep them


def check_upload_name(filename: str, allowed: frozenset[str] | tuple[str, ...]) -> None:
    """Refuse (UploadRejected) a name no file of the `allowed` families could pass with."""
    allowed = frozenset(allowed)
    if len(filename) > MAX_NAME_LENGTH:
        raise UploadRejected(
            _("The file name is %(length)s characters long; at most %(limit)s are accepted."),
            "name_too_long",
            length=len(filename),
            limit=MAX_NAME_LENGTH,
        )
    if _is_not_a_plain_name(filename):
        raise UploadRejected(
            _("“%(name)s” is not a plain file name: send the file's name without folders."),
            "bad_name",
            name=filename.encode("unicode_escape").decode("ascii"),
        )
    extension = name_extension(filename)
    if not extension:
        raise UploadRejected(
            _("“%(name)s” has no file extension (such as .jpg, .pdf or .mp4)."),
            "missing_extension",
            name=filename,
        )
    claimed = type_for_extension(extension)
    if claimed is None:
        raise UploadRejected(
            _("Files named .%(extension)s are not accepted. Accepted here: %(accepted)s."),
            "unknown_extension",
            extension=extension,
            accepted=family_list(sorted(allowed)),
        )
    families = MEDIA_FAMILIES if claimed.family == "media" else {claimed.family}
    if not families & allowed:
        raise UploadRejected(
            _("“%(name)s” is named like a %(kind)s, which is not accepted here."),
            "type_not_allowed",
            name=filename,
            kind=claimed.label,
        )


def _is_not_a_plain_name(filename: str) -> bool:
    if filename.strip() in ("", ".", "..") or "/" in filename or "\\" in filename:
        return True
    return any(unicodedata.category(char) in ("Cc", "Cf", "Zl", "Zp") for char in filename)
