"""SVG drawings: read as a stream within limits, then every element and attribute checked against
an allowlist (assets.validation.svg_vocabulary) and every style read whole (svg_css).

We refuse rather than sanitise: the stored file stays byte-identical to the upload (its hash is
the editor's file's hash), and the editor fixes the drawing in the tool that made it.
The parser takes no DTD entity (no XXE, no billion laughs) and loads nothing; nesting depth and
the number of elements are counted while reading, so a 50,000-deep file stops at the limit
instead of exhausting the stack. Refused: scripts and event handlers, elements of other languages
(XHTML, MathML) anywhere, elements and attributes outside the allowlist, links to anything
outside the file except <a> hyperlinks, styles that load or run anything, xml-stylesheet.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import BinaryIO
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser
from django.utils.translation import gettext_lazy as _

from . import svg_vocabulary as vocabulary
from .errors import UploadRejected
from .svg_css import EXTERNAL, css_problem, is_local

MAX_DEPTH = 256
MAX_ELEMENTS = 250_000
_SCRIPT_SCHEMES = ("javascript:", "vbscript:", "data:text/html", "data:application/")
_LINK_SCHEMES = ("http://", "https://", "mailto:", "tel:")
_INVISIBLE = re.compile(r"[\s\x00-\x1f]+")
_LENGTH = re.compile(r"^\s*([0-9.]+)\s*(px)?\s*$")
_QUALIFIED = re.compile(r"^\{([^}]*)\}(.*)$")


def check_svg(file: BinaryIO, name: str) -> tuple[int | None, int | None]:
    """Refuse an unsafe or unreadable SVG; return its width and height when it states them."""
    reading = _Reading(name)
    file.seek(0)
    for event, element in _events(file, name):
        if event == "start":
            reading.start(element)
        elif event == "end":
            reading.end(element)
        elif event == "pi" and (element.text or "").strip().startswith("xml-stylesheet"):
            raise _external(name, "xml-stylesheet")
    if reading.root_size is None:
        raise _corrupt(name, "no root element")
    return reading.root_size


def _events(file: BinaryIO, name: str):
    target = ET.TreeBuilder(insert_pis=True)
    parser = DefusedXMLParser(
        target=target, forbid_dtd=False, forbid_entities=True, forbid_external=True
    )
    try:
        yield from ET.iterparse(file, events=("start", "end", "pi"), parser=parser)
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
        raise _corrupt(name, str(error)) from error


def _split(tag: object) -> tuple[str, str]:
    """(namespace, local name) of an element or attribute name."""
    if not isinstance(tag, str):
        return "", ""
    match = _QUALIFIED.match(tag)
    return (match[1], match[2]) if match else ("", tag)


@dataclass
class _Reading:
    name: str
    depth: int = 0
    count: int = 0
    in_metadata: list[bool] = field(default_factory=list)
    root_size: tuple[int | None, int | None] | None = None

    def start(self, element: Element) -> None:
        self.depth += 1
        self.count += 1
        if self.depth > MAX_DEPTH or self.count > MAX_ELEMENTS:
            raise _too_complex(self.name)
        namespace, tag = _split(element.tag)
        if self.root_size is None:
            _check_root(namespace, tag, self.name)
            self.root_size = _dimensions(element)
        inside_metadata = bool(self.in_metadata and self.in_metadata[-1])
        _check_element(namespace, tag, inside_metadata, self.name)
        for attribute, value in element.attrib.items():
            _refuse_script(tag, attribute, value, self.name)
        for attribute, value in element.attrib.items():
            _check_attribute(namespace, tag, attribute, value, self.name)
        self.in_metadata.append(
            inside_metadata or (namespace, tag) == (vocabulary.SVG_NS, "metadata")
        )

    def end(self, element: Element) -> None:
        namespace, tag = _split(element.tag)
        if (namespace, tag) == (vocabulary.SVG_NS, "style"):
            if len(element):
                raise _not_allowed(self.name, "<style>", _("markup inside a style element"))
            _check_css("".join(element.itertext()), self.name)
        self.depth -= 1
        self.in_metadata.pop()
        element.clear()  # keep memory flat: what was checked is not needed again


def _check_root(namespace: str, tag: str, name: str) -> None:
    if tag != "svg":
        raise UploadRejected(
            _("“%(name)s” is an XML file but not an SVG drawing (its root element is <%(root)s>)."),
            "corrupt_svg",
            name=name,
            root=tag,
        )
    if namespace != vocabulary.SVG_NS:
        raise _corrupt(name, _("the root element is not in the SVG namespace"))


def _check_element(namespace: str, tag: str, inside_metadata: bool, name: str) -> None:
    if namespace in vocabulary.FORBIDDEN_NAMESPACES:
        raise UploadRejected(
            _(
                "“%(name)s” contains a <%(tag)s> element of another language (%(language)s), "
                "which a browser would run or show as a web page. Only SVG drawing elements are "
                "accepted."
            ),
            "svg_foreign_element",
            name=name,
            tag=tag,
            language=vocabulary.FORBIDDEN_NAMESPACES[namespace],
        )
    if namespace != vocabulary.SVG_NS:
        if namespace in vocabulary.EDITOR_NAMESPACES or (inside_metadata and namespace):
            return
        raise _not_allowed(name, f"<{tag}>", namespace or _("no namespace"))
    if tag in vocabulary.SCRIPT_ELEMENTS:
        raise UploadRejected(
            _("“%(name)s” contains a <%(tag)s> element. SVG drawings with scripts are refused."),
            "svg_script",
            name=name,
            tag=tag,
        )
    if tag in vocabulary.EMBEDDING_ELEMENTS:
        raise UploadRejected(
            _(
                "“%(name)s” embeds other content in a <%(tag)s> element, which can carry HTML or "
                "scripts. Flatten the drawing before uploading."
            ),
            "svg_foreign_object",
            name=name,
            tag=tag,
        )
    if tag not in vocabulary.ELEMENTS:
        raise _not_allowed(name, f"<{tag}>", _("not an SVG drawing element"))


def _refuse_script(tag: str, attribute: str, value: str, name: str) -> None:
    local = _split(attribute)[1]
    handler = value.strip() if local == "attributeName" else local
    if handler.lower().startswith("on"):
        raise UploadRejected(
            _(
                "“%(name)s” has an event handler (%(attribute)s) on <%(tag)s>, which runs script "
                "in the browser. SVG drawings with scripts are refused."
            ),
            "svg_event_handler",
            name=name,
            attribute=handler,
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
            attribute=local,
            tag=tag,
        )


def _check_attribute(element_ns: str, tag: str, attribute: str, value: str, name: str) -> None:
    namespace, local = _split(attribute)
    if not _attribute_allowed(element_ns, namespace, local):
        raise _not_allowed(name, f"{local}=", _("not an SVG drawing attribute"))
    compact = _INVISIBLE.sub("", value).lower()
    if local in vocabulary.LINK_ATTRIBUTES and not _link_allowed(tag, compact):
        raise _external(name, value[:100])
    if local == "attributeName" and value.strip().split(":")[-1] in vocabulary.LINK_ATTRIBUTES:
        raise _external(name, _("an animated link"))
    if local == "style" or "url(" in compact:
        _check_css(value, name)


def _attribute_allowed(element_ns: str, namespace: str, local: str) -> bool:
    if namespace == "":
        if element_ns != vocabulary.SVG_NS:
            return True  # an editor's or metadata element: not drawn
        return local in vocabulary.ATTRIBUTES or local.startswith(vocabulary.ATTRIBUTE_PREFIXES)
    if namespace == vocabulary.XLINK_NS:
        return local in vocabulary.XLINK_ATTRIBUTES
    if namespace == vocabulary.XML_NS:
        return local in vocabulary.XML_ATTRIBUTES
    return namespace in vocabulary.EDITOR_NAMESPACES or element_ns != vocabulary.SVG_NS


def _link_allowed(tag: str, target: str) -> bool:
    # A hyperlink is followed only when clicked; everything else would load at display time.
    return is_local(target) or (tag == "a" and target.startswith(_LINK_SCHEMES))


def _check_css(css: str, name: str) -> None:
    problem = css_problem(css)
    if problem is None:
        return
    kind, found = problem
    if kind == EXTERNAL:
        raise _external(name, found)
    raise UploadRejected(
        _("“%(name)s” has script in its styles. SVG drawings with scripts are refused."),
        "svg_javascript_url",
        name=name,
        value=found,
        attribute="style",
        tag="style",
    )


def _external(name: str, reference) -> UploadRejected:
    return UploadRejected(
        _(
            "“%(name)s” loads content from outside the file (%(reference)s). SVG drawings must be "
            "self-contained: embed images instead of linking them."
        ),
        "svg_external_reference",
        name=name,
        reference=reference,
    )


def _not_allowed(name: str, what: str, why) -> UploadRejected:
    return UploadRejected(
        _(
            "“%(name)s” contains %(what)s (%(why)s), which is not among what SVG drawings may "
            "hold here. Export it again as plain SVG from the drawing program."
        ),
        "svg_not_allowed",
        name=name,
        what=what,
        why=why,
    )


def _too_complex(name: str) -> UploadRejected:
    return UploadRejected(
        _(
            "“%(name)s” is too complex to check safely: elements nested more than %(depth)s deep "
            "or more than %(count)s elements. Simplify or flatten the drawing."
        ),
        "svg_too_complex",
        name=name,
        depth=MAX_DEPTH,
        count=f"{MAX_ELEMENTS:,}",
    )


def _corrupt(name: str, detail) -> UploadRejected:
    return UploadRejected(
        _("“%(name)s” is not well-formed SVG: %(detail)s."),
        "corrupt_svg",
        name=name,
        detail=detail,
    )


def _dimensions(root: Element) -> tuple[int | None, int | None]:
    width, height = _length(root.get("width")), _length(root.get("height"))
    if width and height:
        return width, height
    box = (root.get("viewBox") or "").replace(",", " ").split()
    try:
        return round(float(box[2])), round(float(box[3]))
    except (IndexError, ValueError, OverflowError):
        return None, None


def _length(value: str | None) -> int | None:
    match = _LENGTH.match(value or "")
    try:
        return round(float(match[1])) if match else None
    except (ValueError, OverflowError):
        return None
