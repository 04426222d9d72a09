"""IPTC ninjs 2.x news items from the API's own representations: one way to describe an item,
two formats. Checked in the tests against `ninjs_schema.json`, a JSON Schema this project wrote
from the field names, types and required properties of the ninjs 2.x specification."""

import json
from pathlib import Path

SCHEMA_PATH = Path(__file__).with_name("ninjs_schema.json")
TYPES = {"image": "picture", "document": "text", "article": "text"}
STANDARD = {"name": "ninjs", "version": "2.1", "schema": "http://www.iptc.org/std/ninjs/"}


def schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _iso(value) -> str | None:
    return value.isoformat() if value is not None and not isinstance(value, str) else value


def _subjects(item: dict) -> list[dict]:
    subjects = [
        {"name": topic["name_vi"], "uri": f"topic:{topic['slug']}", "rel": "about"}
        for topic in item.get("topics", [])
    ]
    subjects += [
        {"name": audience["name_vi"], "uri": f"audience:{audience['slug']}", "rel": "audience"}
        for audience in item.get("audiences", [])
    ]
    if item.get("campaign"):
        campaign = item["campaign"]
        subjects.append({"name": campaign["name_vi"], "uri": f"campaign:{campaign['slug']}"})
    return subjects


def _organisations(item: dict) -> list[dict]:
    agencies = item.get("credited_agencies") or ([item["agency"]] if item.get("agency") else [])
    return [{"name": agency["name"], "rel": "creditedto"} for agency in agencies]


def _rights(item: dict) -> dict:
    licence = item.get("licence")
    rights = {}
    if item.get("copyright_holder"):
        rights["copyrightholder"] = item["copyright_holder"]
    if licence:
        terms = f"{licence['name_vi']} ({licence['code']})"
        if licence["non_commercial"]:
            terms += " — chỉ dùng phi thương mại / non-commercial use only"
        rights["usageterms"] = terms
        if licence.get("expires_on"):
            rights["expires"] = _iso(licence["expires_on"]) + "T23:59:59+07:00"
    return rights


def asset_ninjs(item: dict) -> dict:
    kind = TYPES.get(item["type"]) or ("video" if item.get("files", {}).get("hls") else "audio")
    if item["type"] == "image" and item.get("kind") == "infographic":
        kind = "graphic"
    renditions = [
        {"name": "original", "href": item["files"]["original"], "sizeinbytes": item["byte_size"]}
    ]
    renditions[0].update(
        {"width": item["width"], "height": item["height"]} if item["width"] else {}
    )
    renditions += [
        {
            key: value
            for key, value in {
                "name": rendition["name"],
                "href": rendition["url"],
                "contenttype": rendition.get("mime_type") or None,
                "width": rendition.get("width"),
                "height": rendition.get("height"),
                "duration": rendition.get("duration"),
                "sizeinbytes": rendition.get("size"),
            }.items()
            if value is not None
        }
        for rendition in item.get("renditions", [])
    ]
    headlines = [{"role": "main", "value": item["title"]}]
    if item.get("title_en"):
        headlines.append({"role": "en", "value": item["title_en"]})
    descriptions = [
        {"role": role, "contenttype": "text/plain", "value": value}
        for role, value in (("caption", item["description"]), ("en", item["description_en"]))
        if value
    ]
    ninjs = {
        "standard": STANDARD,
        "uri": item["links"]["self"],
        "type": kind,
        "representationtype": "complete",
        "version": "1",
        "firstcreated": _iso(item["created_at"]),
        "versioncreated": _iso(item["updated_at"]),
        "pubstatus": "usable",
        "language": item.get("language") or "vi",
        "headlines": headlines,
        "descriptions": descriptions,
        "by": item.get("creator") or "",
        "subjects": _subjects(item),
        "organisations": _organisations(item),
        "keywords": item.get("keywords", []),
        "renditions": renditions,
        "infosources": [{"name": item["credit_line"], "role": "credit"}]
        if item["credit_line"]
        else [],
        "altids": [{"role": "sha256", "value": item["sha256"]}] if item.get("sha256") else [],
        **_rights(item),
    }
    if item.get("embargo_until"):
        ninjs["embargoed"] = _iso(item["embargo_until"])
    return {key: value for key, value in ninjs.items() if value not in ("", [], None)}


def article_ninjs(item: dict) -> dict:
    bodies = []
    if item.get("body_html"):
        bodies.append({"role": "main", "contenttype": "text/html", "value": item["body_html"]})
    if item.get("body_text"):
        text = item["body_text"]
        bodies.append(
            {
                "role": "plain",
                "contenttype": "text/plain",
                "charcount": len(text),
                "wordcount": len(text.split()),
                "value": text,
            }
        )
    headlines = [{"role": "main", "value": item["title"]}]
    if item.get("title_en"):
        headlines.append({"role": "en", "value": item["title_en"]})
    associations = [
        {
            "name": block["asset"]["key"],
            "uri": block["asset"]["links"]["self"],
            "type": TYPES.get(block["asset"]["type"], "video"),
        }
        for block in item.get("body", [])
        if block.get("asset")
    ]
    ninjs = {
        "standard": STANDARD,
        "uri": item["url"] or f"article:{item['id']}",
        "type": "text",
        "representationtype": "complete",
        "firstcreated": _iso(item.get("first_published_at")),
        "versioncreated": _iso(item.get("last_published_at")),
        "pubstatus": "usable",
        "language": item.get("language") or "vi",
        "headlines": headlines,
        "descriptions": [
            {"role": role, "contenttype": "text/plain", "value": value}
            for role, value in (("summary", item["summary"]), ("en", item["summary_en"]))
            if value
        ],
        "bodies": bodies,
        "by": item.get("author") or "",
        "subjects": _subjects(item),
        "organisations": _organisations(item),
        "associations": associations,
        **_rights(item),
    }
    return {key: value for key, value in ninjs.items() if value not in ("", [], None)}
