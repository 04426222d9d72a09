"""OAI-PMH 2.0 at /oai: Identify, ListMetadataFormats, ListSets, ListIdentifiers, ListRecords,
GetRecord; `oai_dc` and `ninjs`; sets per kind (image, document, media, article); selective
harvesting by datestamp (from/until, seconds granularity, UTC); resumption tokens walk the
change stream by keyset, so a harvest never skips or repeats a record; withdrawn and deleted
items are deleted records (kept: `deletedRecord` transient)."""

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from assets.visibility import public
from cms.pages.models import ArticlePage

from ..changefeed import (
    BEGINNING,
    SOURCES,
    TOMBSTONE,
    BadPosition,
    changes_after,
    decode_position,
    encode_position,
)
from ..models import Tombstone
from ..v3.representations.articles import represent_article, with_article_related
from ..v3.representations.assets import represent_assets, with_related
from .dublin_core import FORMATS, metadata

OAI = "http://www.openarchives.org/OAI/2.0/"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
PAGE = 100
ET.register_namespace("", OAI)
ET.register_namespace("xsi", XSI)


class OaiError(Exception):
    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


def repository_id() -> str:
    return getattr(settings, "NCRL_OAI_REPOSITORY_ID", "ncrl")


def identifier(kind: str, pk: int) -> str:
    return f"oai:{repository_id()}:{kind}:{pk}"


def parse_identifier(value: str) -> tuple[str, int]:
    prefix = f"oai:{repository_id()}:"
    kind, _sep, pk = value.removeprefix(prefix).partition(":")
    if not value.startswith(prefix) or kind not in SOURCES or not pk.isdigit():
        raise OaiError("idDoesNotExist", "No such identifier.")
    return kind, int(pk)


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_stamp(value: str, *, end: bool) -> datetime:
    for layout in ("%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d"):
        try:
            moment = datetime.strptime(value, layout).replace(tzinfo=UTC)
        except ValueError:
            continue
        if layout == "%Y-%m-%d" and end:
            moment = moment.replace(hour=23, minute=59, second=59)
        return moment
    raise OaiError("badArgument", f"Not a UTC datestamp: {value}")


def querysets() -> dict:
    return {
        kind: with_article_related(ArticlePage.objects.live().public())
        if model is ArticlePage
        else with_related(public(model.objects.all()))
        for kind, (model, _field) in SOURCES.items()
    }


ALLOWED = {
    "Identify": (set(), set()),
    "ListMetadataFormats": (set(), {"identifier"}),
    "ListSets": (set(), {"resumptionToken"}),
    "GetRecord": ({"identifier", "metadataPrefix"}, set()),
    "ListIdentifiers": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
    "ListRecords": ({"metadataPrefix"}, {"from", "until", "set", "resumptionToken"}),
}


@csrf_exempt
@require_http_methods(["GET", "POST", "HEAD"])
def oai_pmh(request):
    params = request.GET if request.method != "POST" else request.POST
    root = ET.Element(f"{{{OAI}}}OAI-PMH")
    root.set(
        f"{{{XSI}}}schemaLocation",
        f"{OAI} http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd",
    )
    ET.SubElement(root, f"{{{OAI}}}responseDate").text = stamp(timezone.now())
    request_element = ET.SubElement(root, f"{{{OAI}}}request")
    request_element.text = request.build_absolute_uri(request.path)
    verb = params.get("verb", "")
    try:
        arguments = _arguments(verb, params)
        for name, value in arguments.items():
            request_element.set(name, value)
        request_element.set("verb", verb)
        VERBS[verb](request, root, arguments)
    except OaiError as error:
        ET.SubElement(root, f"{{{OAI}}}error", code=error.code).text = str(error)
    body = b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")
    return HttpResponse(body, content_type="text/xml; charset=utf-8")


def _arguments(verb: str, params) -> dict[str, str]:
    if verb not in ALLOWED:
        raise OaiError("badVerb", "Illegal or missing verb.")
    required, optional = ALLOWED[verb]
    given = {key: params.getlist(key) for key in params if key != "verb"}
    if any(len(values) > 1 for values in given.values()):
        raise OaiError("badArgument", "Repeated argument.")
    arguments = {key: values[0] for key, values in given.items()}
    unknown = set(arguments) - required - optional
    if unknown:
        raise OaiError("badArgument", f"Illegal arguments: {', '.join(sorted(unknown))}")
    if "resumptionToken" in arguments:
        if len(arguments) > 1:
            raise OaiError("badArgument", "resumptionToken is an exclusive argument.")
        return arguments
    missing = required - set(arguments)
    if missing:
        raise OaiError("badArgument", f"Missing arguments: {', '.join(sorted(missing))}")
    prefix = arguments.get("metadataPrefix")
    if prefix is not None and prefix not in FORMATS:
        raise OaiError("cannotDisseminateFormat", f"Unknown metadata format {prefix}.")
    return arguments


def identify(request, root, arguments) -> None:
    element = ET.SubElement(root, f"{{{OAI}}}Identify")
    earliest = min(
        (
            value
            for value in [
                Tombstone.objects.order_by("at").values_list("at", flat=True).first(),
                *[
                    querysets()[kind].order_by(field).values_list(field, flat=True).first()
                    for kind, (_m, field) in SOURCES.items()
                ],
            ]
            if value is not None
        ),
        default=timezone.now(),
    )
    for name, value in (
        ("repositoryName", "Kho tài nguyên truyền thông số"),
        ("baseURL", request.build_absolute_uri(request.path)),
        ("protocolVersion", "2.0"),
        ("adminEmail", getattr(settings, "NCRL_OAI_ADMIN_EMAIL", "admin@example.invalid")),
        ("earliestDatestamp", stamp(earliest)),
        ("deletedRecord", "transient"),
        ("granularity", "YYYY-MM-DDThh:mm:ssZ"),
    ):
        ET.SubElement(element, f"{{{OAI}}}{name}").text = value


def list_metadata_formats(request, root, arguments) -> None:
    if "identifier" in arguments:
        _record_row(arguments["identifier"])
    element = ET.SubElement(root, f"{{{OAI}}}ListMetadataFormats")
    for prefix, (namespace, schema) in FORMATS.items():
        entry = ET.SubElement(element, f"{{{OAI}}}metadataFormat")
        ET.SubElement(entry, f"{{{OAI}}}metadataPrefix").text = prefix
        ET.SubElement(entry, f"{{{OAI}}}schema").text = schema
        ET.SubElement(entry, f"{{{OAI}}}metadataNamespace").text = namespace


def list_sets(request, root, arguments) -> None:
    if "resumptionToken" in arguments:
        raise OaiError("badResumptionToken", "Sets are listed in one answer.")
    element = ET.SubElement(root, f"{{{OAI}}}ListSets")
    for kind in SOURCES:
        entry = ET.SubElement(element, f"{{{OAI}}}set")
        ET.SubElement(entry, f"{{{OAI}}}setSpec").text = kind
        ET.SubElement(entry, f"{{{OAI}}}setName").text = kind


def _record_row(value: str):
    kind, pk = parse_identifier(value)
    model, field = SOURCES[kind]
    item = querysets()[kind].filter(pk=pk).first()
    if item is not None:
        return (getattr(item, field), kind, pk, item)
    stone = Tombstone.objects.filter(kind=kind, object_id=pk).order_by("-at").first()
    if stone is None:
        raise OaiError("idDoesNotExist", "No such identifier.")
    return (stone.at, TOMBSTONE, stone.pk, stone)


def get_record(request, root, arguments) -> None:
    row = _record_row(arguments["identifier"])
    element = ET.SubElement(root, f"{{{OAI}}}GetRecord")
    _write_records(request, element, [row], arguments["metadataPrefix"], headers_only=False)


def _harvest_state(arguments) -> tuple:
    """(position, prefix, set, until) from the arguments or the resumption token."""
    if "resumptionToken" in arguments:
        try:
            position, state = decode_position(arguments["resumptionToken"])
        except BadPosition as bad:
            raise OaiError("badResumptionToken", "Invalid resumption token.") from bad
        until = datetime.fromisoformat(state["u"]) if state.get("u") else None
        if state.get("p") not in FORMATS:
            raise OaiError("badResumptionToken", "Invalid resumption token.")
        return position, state["p"], state.get("s"), until
    start = BEGINNING
    if "from" in arguments:
        moment = parse_stamp(arguments["from"], end=False)
        start = (moment.replace(microsecond=0) - timedelta(microseconds=1), "~~", 0)
    until = parse_stamp(arguments["until"], end=True) if "until" in arguments else None
    if "from" in arguments and len(arguments["from"]) != len(
        arguments.get("until", arguments["from"])
    ):
        raise OaiError("badArgument", "from and until have different granularities.")
    if until is not None:
        until = until.replace(microsecond=999_999)
    chosen = arguments.get("set")
    if chosen is not None and chosen not in SOURCES:
        raise OaiError("badArgument", f"No such set: {chosen}")
    return start, arguments["metadataPrefix"], chosen, until


def list_records(request, root, arguments, *, headers_only: bool = False) -> None:
    position, prefix, chosen, until = _harvest_state(arguments)
    kinds = {chosen} if chosen else None
    rows = changes_after(position, PAGE + 1, querysets(), until=until, kinds=kinds)
    if not rows and "resumptionToken" not in arguments:
        raise OaiError("noRecordsMatch", "No records match.")
    page = rows[:PAGE]
    verb = "ListIdentifiers" if headers_only else "ListRecords"
    element = ET.SubElement(root, f"{{{OAI}}}{verb}")
    _write_records(request, element, page, prefix, headers_only=headers_only)
    token = ET.SubElement(element, f"{{{OAI}}}resumptionToken")
    if len(rows) > PAGE:
        state = {"p": prefix, "s": chosen, "u": until.isoformat() if until else None}
        token.text = encode_position(*page[-1][:3], **state)


def list_identifiers(request, root, arguments) -> None:
    list_records(request, root, arguments, headers_only=True)


def _write_records(request, parent, rows, prefix: str, *, headers_only: bool) -> None:
    represented = {}
    for kind in ("image", "document", "media"):
        assets = [row[3] for row in rows if row[1] == kind]
        for item in represent_assets(request, assets):
            represented[(kind, item["id"])] = item
    for at, kind, pk, item in rows:
        if kind == TOMBSTONE:
            header_parent = parent if headers_only else ET.SubElement(parent, f"{{{OAI}}}record")
            header = ET.SubElement(header_parent, f"{{{OAI}}}header", status="deleted")
            ET.SubElement(header, f"{{{OAI}}}identifier").text = identifier(
                item.kind, item.object_id
            )
            ET.SubElement(header, f"{{{OAI}}}datestamp").text = stamp(at)
            ET.SubElement(header, f"{{{OAI}}}setSpec").text = item.kind
            continue
        record = parent if headers_only else ET.SubElement(parent, f"{{{OAI}}}record")
        header = ET.SubElement(record, f"{{{OAI}}}header")
        ET.SubElement(header, f"{{{OAI}}}identifier").text = identifier(kind, pk)
        ET.SubElement(header, f"{{{OAI}}}datestamp").text = stamp(at)
        ET.SubElement(header, f"{{{OAI}}}setSpec").text = kind
        if headers_only:
            continue
        data = represented.get((kind, pk)) or represent_article(request, item)
        ET.SubElement(record, f"{{{OAI}}}metadata").append(metadata(prefix, kind, data))


VERBS = {
    "Identify": identify,
    "ListMetadataFormats": list_metadata_formats,
    "ListSets": list_sets,
    "GetRecord": get_record,
    "ListIdentifiers": list_identifiers,
    "ListRecords": list_records,
}
