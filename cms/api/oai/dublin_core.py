"""`oai_dc` (simple Dublin Core) and ninjs (JSON inside an element) records of an item, made
from the API's own representations."""

import json
import xml.etree.ElementTree as ET

from ..formats.ninjs import article_ninjs, asset_ninjs

OAI_DC = "http://www.openarchives.org/OAI/2.0/oai_dc/"
DC = "http://purl.org/dc/elements/1.1/"
NINJS = "http://iptc.org/std/ninjs/"
DC_TYPES = {"image": "Image", "document": "Text", "media": "MovingImage", "article": "Text"}
FORMATS = {
    "oai_dc": (OAI_DC, "http://www.openarchives.org/OAI/2.0/oai_dc.xsd"),
    "ninjs": (NINJS, "https://www.iptc.org/std/ninjs/ninjs-schema_2.1.json"),
}

ET.register_namespace("oai_dc", OAI_DC)
ET.register_namespace("dc", DC)
ET.register_namespace("ninjs", NINJS)


def _add(parent, name: str, value) -> None:
    if value not in (None, ""):
        ET.SubElement(parent, f"{{{DC}}}{name}").text = str(value)


def oai_dc(kind: str, item: dict) -> ET.Element:
    root = ET.Element(f"{{{OAI_DC}}}dc")
    _add(root, "title", item["title"])
    if item.get("title_en"):
        _add(root, "title", item["title_en"])
    _add(root, "creator", item.get("creator") or item.get("author"))
    for agency in item.get("credited_agencies") or ([item["agency"]] if item.get("agency") else []):
        _add(root, "publisher", agency["name"])
    for topic in item.get("topics", []):
        _add(root, "subject", topic["name_vi"])
    _add(root, "description", item.get("description") or item.get("summary"))
    date = item.get("created_at") or item.get("first_published_at")
    _add(root, "date", date.isoformat() if hasattr(date, "isoformat") else date)
    _add(root, "type", DC_TYPES[kind])
    _add(root, "language", item.get("language"))
    _add(root, "identifier", item["links"]["self"] if "links" in item else item.get("url"))
    licence = item.get("licence")
    if licence:
        _add(root, "rights", licence["url"] or f"{licence['name_vi']} ({licence['code']})")
    _add(root, "rights", item.get("credit_line"))
    return root


def ninjs_element(kind: str, item: dict) -> ET.Element:
    document = article_ninjs(item) if kind == "article" else asset_ninjs(item)
    element = ET.Element(f"{{{NINJS}}}ninjs")
    element.set("contentType", "application/json")
    element.text = json.dumps(document, ensure_ascii=False, default=str)
    return element


def metadata(prefix: str, kind: str, item: dict) -> ET.Element:
    return oai_dc(kind, item) if prefix == "oai_dc" else ninjs_element(kind, item)
