"""Deciding what an upload is before looking inside it: type, family, name and size."""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

from django.utils.translation import gettext_lazy as _

from .dangerous import refuse_html, refuse_programs_and_archives
from .errors import UploadRejected, family_list, human_size
from .indirection import refuse_lists_of_files, refuse_text_as_media
from .limits import UploadLimits
from .signatures import SVG, FileType, sniff, type_for_extension

MEDIA_FAMILIES = frozenset({"video", "audio"})
_CORRUPT_CODES = {
    "image": "corrupt_image",
    "svg": "corrupt_svg",
    "document": "corrupt_pdf",
    "media": "corrupt_media",
}


def name_extension(filename: str) -> str:
    return PurePath(filename).suffix.lower().lstrip(".")


def identify(head: bytes, filename: str, allowed: frozenset[str], name: str) -> FileType:
    """The file's type from its bytes; refuse dangerous or unrecognisable content."""
    file_type = sniff(head)
    if file_type is not None:
        return file_type
    refuse_programs_and_archives(head, name)
    if looks_like_svg(head):
        return SVG
    refuse_lists_of_files(head, name)
    refuse_html(head, name)
    return _type_from_name(head, filename, allowed, name)


def looks_like_svg(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if not text.startswith(b"<"):
        return False
    svg_at = text.find(b"<svg")
    html_at = min((text.find(m) for m in (b"<html", b"<!doctype html") if m in text), default=-1)
    return svg_at != -1 and (html_at == -1 or svg_at < html_at)


def _type_from_name(head: bytes, filename: str, allowed: frozenset[str], name: str) -> FileType:
    """Unrecognised bytes: media gets probed (some formats have no magic number) in the format
    its name claims, never guessed by ffmpeg; others fail."""
    claimed = type_for_extension(name_extension(filename))
    if claimed is None or not _family_allowed(claimed.family, allowed):
        raise UploadRejected(
            _(
                "The type of “%(name)s” could not be recognised from its content. "
                "Accepted here: %(accepted)s."
            ),
            "unknown_type",
            name=name,
            accepted=family_list(sorted(allowed)),
        )
    if claimed.family == "media":
        refuse_text_as_media(head, name)
        # Only the name speaks for the container, so its layout is not checked, only probed.
        return replace(claimed, container="")
    raise UploadRejected(
        _(
            "“%(name)s” is named like a %(kind)s, but its content is not one: the file is damaged "
            "or is something else renamed."
        ),
        _CORRUPT_CODES[claimed.family],
        name=name,
        kind=claimed.label,
    )


def _family_allowed(family: str, allowed: frozenset[str]) -> bool:
    if family == "media":
        return bool(allowed & MEDIA_FAMILIES)
    return family in allowed


def check_family(file_type: FileType, family: str, allowed: frozenset[str], name: str) -> None:
    if _family_allowed(family, allowed):
        return
    raise UploadRejected(
        _("“%(name)s” is a %(kind)s, which is not accepted here. Accepted here: %(accepted)s."),
        "type_not_allowed",
        name=name,
        kind=file_type.label,
        accepted=family_list(sorted(allowed)),
    )


def check_extension(file_type: FileType, filename: str, name: str) -> None:
    """The name must agree with the content: a mislabelled file is refused, not renamed."""
    extension = name_extension(filename)
    if not extension:
        raise UploadRejected(
            _(
                "“%(name)s” has no file extension. It is a %(kind)s: "
                "name it “%(name)s.%(expected)s”."
            ),
            "missing_extension",
            name=name,
            kind=file_type.label,
            expected=file_type.extension,
        )
    if not file_type.accepts_extension(extension):
        raise UploadRejected(
            _(
                "“%(name)s” is named .%(extension)s but is really a %(kind)s. Rename it to "
                ".%(expected)s: files are checked by their content, not by their name."
            ),
            "mismatched_extension",
            name=name,
            extension=extension,
            kind=file_type.label,
            expected=file_type.extension,
        )


def check_size(file_type: FileType, size: int, limits: UploadLimits, name: str) -> None:
    limit = limits.max_bytes(file_type.family)
    if size <= limit:
        return
    raise UploadRejected(
        _("“%(name)s” is %(size)s; a %(kind)s may be at most %(limit)s."),
        "too_large",
        name=name,
        size=human_size(size),
        kind=file_type.label,
        limit=human_size(limit),
    )
