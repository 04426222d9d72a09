"""Files that only point at other files: playlists, concat lists, session descriptions.

ffmpeg opens what such a list names (another agency's original on the server's disk, or an
address on the internal network), so they are refused as uploads, whatever they are called.
Media never looks like text: a media claim whose first bytes are text is refused the same way.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

from .errors import UploadRejected

# Markers at the start of the file (after blank lines or a byte order mark), lower case.
_LIST_MARKERS = (
    (b"#extm3u", _("an HLS or M3U playlist")),
    (b"ffconcat version", _("an ffmpeg concat list")),
    (b"[playlist]", _("a PLS playlist")),
    (b"<asx", _("an ASX playlist")),
    (b"<smil", _("a SMIL presentation")),
    (b"<mpd", _("a DASH manifest")),
    (b";ffmetadata", _("an ffmpeg metadata file")),
    (b"v=0", _("an SDP session description")),
)
_CONCAT_LINE = re.compile(rb"^\s*file\s+\S", re.MULTILINE)
_XSPF = re.compile(rb"<playlist[^>]*xspf")
_URL = re.compile(rb"^\s*[a-z][a-z0-9+.-]*://", re.MULTILINE)
_TEXT_BYTES = frozenset(range(0x20, 0x7F)) | {0x09, 0x0A, 0x0D}


def refuse_lists_of_files(head: bytes, name: str) -> None:
    """Refuse a playlist, concat list or session description, whatever the file is called."""
    kind = list_kind(head)
    if kind is None:
        return
    raise UploadRejected(
        _(
            "“%(name)s” is %(kind)s: a list that points to other files or addresses, not a "
            "media file. Upload the audio or video file itself."
        ),
        "indirection",
        name=name,
        kind=kind,
    )


def refuse_text_as_media(head: bytes, name: str) -> None:
    """A file named like audio or video whose bytes are text is a list or a note, not media."""
    if not looks_like_text(head):
        return
    raise UploadRejected(
        _(
            "“%(name)s” is a text file, not audio or video (playlists and lists of files are not "
            "accepted). Upload the audio or video file itself."
        ),
        "indirection",
        name=name,
    )


def list_kind(head: bytes):
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    for marker, kind in _LIST_MARKERS:
        if text.startswith(marker):
            return kind
    if _XSPF.search(text[:512]):
        return _("an XSPF playlist")
    if looks_like_text(head) and (_CONCAT_LINE.search(text) or _URL.search(text)):
        return _("a list of files or addresses")
    return None


def looks_like_text(head: bytes) -> bool:
    """Printable ASCII or UTF-8 text with no control bytes: no media container starts so."""
    if not head or b"\x00" in head:
        return False
    try:
        decoded = head.decode("utf-8")
    except UnicodeDecodeError as cut:
        if cut.start < len(head) - 3:  # a character cut by the end of the head is fine
            return False
        decoded = head[: cut.start].decode("utf-8")
    return all(ord(char) >= 0x80 or ord(char) in _TEXT_BYTES for char in decoded)
