"""Find active content in a PDF: JavaScript (also as a javascript: link), launch actions, actions
that send a form or open another file, XFA forms and embedded files.

Every object reachable from the trailer is visited once (catalog, names trees, pages,
annotations, outlines, form fields), including objects stored inside object streams, which a
scan of the raw bytes would miss.
"""

from __future__ import annotations

import re

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, PdfObject

JAVASCRIPT = "javascript"
LAUNCH = "launch"
REMOTE = "remote"
EMBEDDED_FILE = "embedded_file"

_ACTION_FINDINGS = {
    "/JavaScript": JAVASCRIPT,
    "/RichMediaExecute": JAVASCRIPT,
    "/Launch": LAUNCH,
    "/SubmitForm": REMOTE,  # sends the form's fields to any address
    "/ImportData": REMOTE,  # reads form data from another file
    "/GoToR": REMOTE,  # opens another (remote or local) PDF
    "/GoToE": REMOTE,  # opens an embedded or other file
}
_SCRIPT_SCHEMES = ("javascript:", "vbscript:")
_FILE_SCHEMES = ("file:", "data:", "smb:", "\\\\")
_INVISIBLE = re.compile(r"[\s\x00-\x1f]+")


def find_active_content(reader: PdfReader) -> tuple[str, str] | None:
    """(finding, the PDF key that shows it) for the first active content found, else None."""
    pending: list[PdfObject] = [reader.trailer]
    seen: set[tuple[int, int]] = set()
    while pending:
        item = _resolve(pending.pop(), seen)
        if isinstance(item, DictionaryObject):
            finding = _finding_in(item)
            if finding:
                return finding
            pending.extend(dict.values(item))
        elif isinstance(item, ArrayObject):
            pending.extend(list.__iter__(item))
    return None


def _resolve(item: PdfObject, seen: set[tuple[int, int]]) -> PdfObject | None:
    if not isinstance(item, IndirectObject):
        return item
    key = (item.idnum, item.generation)
    if key in seen:
        return None
    seen.add(key)
    return item.get_object()


def _finding_in(dictionary: DictionaryObject) -> tuple[str, str] | None:
    for key in ("/JS", "/JavaScript"):
        if key in dictionary:
            return JAVASCRIPT, key
    if "/XFA" in dictionary:
        return JAVASCRIPT, "/XFA"
    action = dictionary.get("/S")
    if action in _ACTION_FINDINGS:
        return _ACTION_FINDINGS[action], str(action)
    if action == "/URI":
        return _uri_finding(dictionary.get("/URI"))
    if "/EmbeddedFiles" in dictionary:
        return EMBEDDED_FILE, "/EmbeddedFiles"
    if dictionary.get("/Type") == "/EmbeddedFile":
        return EMBEDDED_FILE, "/EmbeddedFile"
    if dictionary.get("/Subtype") == "/FileAttachment":
        return EMBEDDED_FILE, "/FileAttachment"
    return None


def _uri_finding(uri: PdfObject | None) -> tuple[str, str] | None:
    """A link is followed by a click: a web page is fine, a script or a local file is not."""
    if isinstance(uri, IndirectObject):
        uri = uri.get_object()
    if isinstance(uri, bytes):
        uri = uri.decode("latin-1")
    target = _INVISIBLE.sub("", str(uri or "")).lower()
    if target.startswith(_SCRIPT_SCHEMES):
        return JAVASCRIPT, f"/URI {target[:20]}"
    if target.startswith(_FILE_SCHEMES):
        return REMOTE, f"/URI {target[:20]}"
    return None
