"""Descriptive fields from the XMP packet, read with namespaces (parsed with defusedxml)."""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from PIL import Image

from . import dates
from .text import clean, unique

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
PHOTOSHOP = "http://ns.adobe.com/photoshop/1.0/"
XMP_BASIC = "http://ns.adobe.com/xap/1.0/"
IPTC_CORE = "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_PREFERRED_LANGUAGES = ("x-default", "vi", "vi-vn", "en")


def xmp_fields(image: Image.Image) -> dict[str, Any]:
    descriptions = _descriptions(image)
    if not descriptions:
        return {}

    def values(namespace: str, name: str) -> list[str]:
        return _property(descriptions, namespace, name)

    def first(namespace: str, name: str) -> str | None:
        return clean(next(iter(values(namespace, name)), None))

    created = first(PHOTOSHOP, "DateCreated") or first(XMP_BASIC, "CreateDate")
    return {
        "title": first(DC, "title"),
        "caption": first(DC, "description"),
        "creator": "; ".join(unique(values(DC, "creator"))) or None,
        "copyright": first(DC, "rights"),
        "credit_line": first(PHOTOSHOP, "Credit"),
        "keywords": unique(values(DC, "subject")),
        "created_at": dates.from_iso(created),
        "city": first(PHOTOSHOP, "City"),
        "location": first(IPTC_CORE, "Location"),
    }


def _packet(image: Image.Image) -> bytes | None:
    packet = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
    if isinstance(packet, str):
        packet = packet.encode("utf-8")
    return packet.rstrip(b"\x00 \r\n") if packet else None


def _descriptions(image: Image.Image) -> list[Element]:
    packet = _packet(image)
    if not packet:
        return []
    try:
        root = fromstring(packet, forbid_dtd=True)
    except (ParseError, DefusedXmlException, ValueError):
        return []
    return list(root.iter(f"{{{RDF}}}Description"))


def _property(descriptions: list[Element], namespace: str, name: str) -> list[str]:
    """A property as a list of strings, whether written as an attribute, text or an rdf list."""
    tag = f"{{{namespace}}}{name}"
    for description in descriptions:
        if tag in description.attrib:
            return [description.attrib[tag]]
        element = description.find(tag)
        if element is not None:
            return _element_values(element)
    return []


def _element_values(element: Element) -> list[str]:
    for container in ("Alt", "Seq", "Bag"):
        holder = element.find(f"{{{RDF}}}{container}")
        if holder is None:
            continue
        items = holder.findall(f"{{{RDF}}}li")
        if container == "Alt":
            items = sorted(items, key=_language_rank)[:1]
        return [item.text or "" for item in items]
    return [element.text or ""]


def _language_rank(item: Element) -> int:
    language = (item.get(XML_LANG) or "").lower()
    return _PREFERRED_LANGUAGES.index(language) if language in _PREFERRED_LANGUAGES else 99
