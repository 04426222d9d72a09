"""Find active content in a PDF: JavaScript, launch actions, XFA forms and embedded files.

Every object reachable from the trailer is visited once (catalog, names trees, pages,
annotations, outlines, form fields), including objects stored inside object streams, which a
scan of the raw bytes would miss.
"""

from __future__ import annotations

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, PdfObject

JAVASCRIPT = "javascript"
LAUNCH = "launch"
EMBEDDED_FILE = "embedded_file"

_ACTION_FINDINGS = {
    "/JavaScript": JAVASCRIPT,
    "/RichMediaExecute": JAVASCRIPT,
    "/Launch": LAUNCH,
}


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
    if "/EmbeddedFiles" in dictionary:
        return EMBEDDED_FILE, "/EmbeddedFiles"
    if dictionary.get("/Type") == "/EmbeddedFile":
        return EMBEDDED_FILE, "/EmbeddedFile"
    if dictionary.get("/Subtype") == "/FileAttachment":
        return EMBEDDED_FILE, "/FileAttachment"
    return None
