"""SVG drawings: parsed without entities or external loads, then refused if anything could run.

We refuse rather than sanitise: the stored file stays byte-identical to the upload (its hash is
the editor's file's hash), and the editor fixes the drawing in the tool that made it.
Refused: <script>/<handler>, on* event attributes, javascript:/vbscript:/data:text/html values,
<foreignObject>/<iframe>/<embed>/<object>, references to anything outside the file (except
<a> links), xml-stylesheet instructions, and any DTD entity (so no XXE and no billion laughs).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import BinaryIO
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser
from django.utils.translation import gettext_lazy as _

from .errors import UploadRejected
from .reading import find_in_stream

_SCRIPT_ELEMENTS = {"script", "handler"}
_EMBEDDING_ELEMENTS = {"foreignobject", "iframe", "embed", "object"}
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:application/")
_SAFE_EMBEDDED = ("data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp")
_LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")
_CSS_URL = re.compile(r"url\(\s*['\"]?\s*([^'\")\s]*)", re.IGNORECASE)
_INVISIBLE = re.compile(r"[\s\x00-\x1f]+")
_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(px)?\s*$")


def check_svg(file: BinaryIO, name: str) -> tuple[int | None, int | None]:
    """Refuse an unsafe or unreadable SVG; return its width and height when it states them."""
    if find_in_stream(file, (b"<?xml-stylesheet",)):
        raise _external(name, "xml-stylesheet")
    root = _parse(file, name)
    if _local_name(root.tag) != "svg":
        raise UploadRejected(
            _("“%(name)s” is an XML file but not an SVG drawing (its root element is <%(root)s>)."),
            "corrupt_svg",
            name=name,
            root=_local_name(root.tag),
        )
    for element in root.iter():
        _check_element(element, name)
    return _dimensions(root)


def _parse(file: BinaryIO, name: str) -> Element:
    file.seek(0)
    parser = DefusedXMLParser(forbid_dtd=False, forbid_entities=True, forbid_external=True)
    try:
        return ET.parse(file, parser=parser).getroot()
    except DefusedXmlException as error:
        raise UploadRejected(
            _(
                "“%(name)s” declares XML entities or external references (%(detail)s), which can "
                "expand without end or read server files. Export the SVG again without entities."
            ),
            "svg_entities",
            name=name,
            detail=type(error).__name__,
        ) from error
    except ET.ParseError as error:
        raise UploadRejected(
            _("“%(name)s” is not well-formed SVG: %(detail)s."),
            "corrupt_svg",
            name=name,
            detail=str(error),
        ) from error


def _local_name(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _check_element(element: Element, name: str) -> None:
    tag = _local_name(element.tag).lower()
    if tag in _SCRIPT_ELEMENTS:
        raise UploadRejected(
            _("“%(name)s” contains a <%(tag)s> element. SVG drawings with scripts are refused."),
            "svg_script",
            name=name,
            tag=tag,
        )
    if tag in _EMBEDDING_ELEMENTS:
        raise UploadRejected(
            _(
                "“%(name)s” embeds other content in a <%(tag)s> element, which can carry HTML or "
                "scripts. Flatten the drawing before uploading."
            ),
            "svg_foreign_object",
            name=name,
            tag=_local_name(element.tag),
        )
    for attribute, value in element.attrib.items():
        _check_attribute(tag, _local_name(attribute), value, name)
    if tag == "style" and element.text:
        _check_css(element.text, name)


def _check_attribute(tag: str, attribute: str, value: str, name: str) -> None:
    lowered = attribute.lower()
    if lowered.startswith("on") or (lowered == "attributename" and value.lower().startswith("on")):
        raise UploadRejected(
            _(
                "“%(name)s” has an event handler (%(attribute)s) on <%(tag)s>, which runs script "
                "in the browser. SVG drawings with scripts are refused."
            ),
            "svg_event_handler",
            name=name,
            attribute=attribute,
            tag=tag,
        )
    compact = _INVISIBLE.sub("", value).lower()
    if any(scheme in compact for scheme in _SCRIPT_SCHEMES):
        raise UploadRejected(
            _(
                "“%(name)s” has a script link (%(value)s) in the %(attribute)s attribute of "
                "<%(tag)s>. SVG drawings with scripts are refused."
            ),
            "svg_javascript_url",
            name=name,
            value=value[:60],
            attribute=attribute,
            tag=tag,
        )
    if lowered in ("href", "src") and not _is_local_reference(tag, compact):
        raise _external(name, value[:100])
    if lowered == "style":
        _check_css(value, name)


def _is_local_reference(tag: str, target: str) -> bool:
    if not target or target.startswith("#") or target.startswith(_SAFE_EMBEDDED):
        return True
    # A hyperlink is followed only when clicked; everything else would load at display time.
    return tag == "a" and target.startswith(_LINK_SCHEMES)


def _check_css(css: str, name: str) -> None:
    compact = _INVISIBLE.sub("", css).lower()
    if "@import" in compact:
        raise _external(name, "@import")
    if "expression(" in compact or "javascript:" in compact:
        raise UploadRejected(
            _("“%(name)s” has script in its styles. SVG drawings with scripts are refused."),
            "svg_javascript_url",
            name=name,
            value="",
            attribute="style",
            tag="style",
        )
    for target in _CSS_URL.findall(css):
        if not _is_local_reference("", target.lower()):
            raise _external(name, target[:100])


def _external(name: str, reference: str) -> UploadRejected:
    return UploadRejected(
        _(
            "“%(name)s” loads content from outside the file (%(reference)s). SVG drawings must be "
            "self-contained: embed images instead of linking them."
        ),
        "svg_external_reference",
        name=name,
        reference=reference,
    )


def _dimensions(root: Element) -> tuple[int | None, int | None]:
    width, height = _length(root.get("width")), _length(root.get("height"))
    if width and height:
        return width, height
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        return round(float(box[2])), round(float(box[3]))
    except (IndexError, ValueError):
        return None, None


def _length(value: str | None) -> int | None:
    match = _LENGTH.match(value or "")
    try:
        return round(float(match[1])) if match else None
    except ValueError:
        return None
