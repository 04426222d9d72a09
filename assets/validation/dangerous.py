"""Content no asset may be: programs, archives, HTML pages, files that are two things at once."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from .errors import UploadRejected

_EXECUTABLES = (
    (b"\x7fELF", "ELF (Linux)"),
    (b"MZ", "Windows (PE/MZ)"),
    (b"\xfe\xed\xfa\xce", "Mach-O (macOS)"),
    (b"\xfe\xed\xfa\xcf", "Mach-O (macOS)"),
    (b"\xce\xfa\xed\xfe", "Mach-O (macOS)"),
    (b"\xcf\xfa\xed\xfe", "Mach-O (macOS)"),
    (b"\xca\xfe\xba\xbe", "Mach-O universal or Java class"),
    (b"\x00asm", "WebAssembly"),
    (b"#!", "script"),
    (b"dex\n", "Android (DEX)"),
)

_ARCHIVES = (
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"PK\x07\x08", "ZIP"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip"),
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "Zstandard"),
    (b"\x04\x22\x4d\x18", "LZ4"),
    (b"MSCF", "CAB"),
)

_HTML_MARKERS = (
    b"<!doctype html",
    b"<html",
    b"<head",
    b"<body",
    b"<script",
    b"<iframe",
    b"<?php",
    b"<meta",
    b"<a href",
    b"<img",
    b"<object",
    b"<embed",
    b"<form",
)

# Markers of code a browser or a server would run or fetch, found inside an image's bytes outside
# its pixel data (comments, metadata, after the end marker): a file sniffed as HTML by anything
# that ignores its type runs them. Metadata never needs them (XMP is <x:xmpmeta>/<rdf:...>).
EMBEDDED_CODE_MARKERS = (
    b"<?php",
    b"<%",
    b"<script",
    b"<html",
    b"<head",
    b"<body",
    b"<iframe",
    b"<frame",
    b"<svg",
    b"<math",
    b"<img",
    b"<image",
    b"<video",
    b"<audio",
    b"<source",
    b"<object",
    b"<embed",
    b"<applet",
    b"<form",
    b"<input",
    b"<button",
    b"<meta",
    b"<link",
    b"<base",
    b"<style",
    b"<a href",
    b"<details",
    b"<marquee",
    b"<template",
    b"javascript:",
)

_ZIP_END = b"PK\x05\x06"
_ZIP_END_SIZE = 22
ZIP_TAIL_SIZE = _ZIP_END_SIZE + 0xFFFF


def refuse_programs_and_archives(head: bytes, name: str) -> None:
    """Refuse programs and archives, whatever the file is called."""
    for prefix, label in _EXECUTABLES:
        if head.startswith(prefix):
            raise UploadRejected(
                _(
                    "“%(name)s” is a program (%(kind)s executable), not a media file. "
                    "Programs and scripts are never accepted."
                ),
                "executable",
                name=name,
                kind=label,
            )
    archive = _archive_kind(head)
    if archive:
        raise UploadRejected(
            _(
                "“%(name)s” is a %(kind)s archive. Archives are not accepted: "
                "extract it and upload the files inside one by one."
            ),
            "archive",
            name=name,
            kind=archive,
        )


def refuse_html(head: bytes, name: str) -> None:
    if looks_like_html(head):
        raise UploadRejected(
            _(
                "“%(name)s” is a web page (HTML or script), not a media file, "
                "whatever its name says."
            ),
            "html_disguised",
            name=name,
        )


def _archive_kind(head: bytes) -> str:
    for prefix, label in _ARCHIVES:
        if head.startswith(prefix):
            return label
    return "tar" if head[257:262] == b"ustar" else ""


def looks_like_html(head: bytes) -> bool:
    text = head[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return text.startswith(b"<") and any(marker in text for marker in _HTML_MARKERS)


def has_zip_directory_at_end(tail: bytes) -> bool:
    """True when the file ends with a well-formed ZIP end record: a ZIP hidden behind it."""
    position = tail.rfind(_ZIP_END)
    while position != -1:
        comment_length = int.from_bytes(tail[position + 20 : position + 22], "little")
        if position + _ZIP_END_SIZE + comment_length == len(tail):
            return True
        position = tail.rfind(_ZIP_END, 0, position)
    return False


def refuse_polyglot(name: str, kind: str, hidden: str) -> None:
    raise UploadRejected(
        _(
            "“%(name)s” is a %(kind)s that also hides %(hidden)s. Files that are two things at "
            "once are refused; save the file again from an image or document editor."
        ),
        "polyglot",
        name=name,
        kind=kind,
        hidden=hidden,
    )
