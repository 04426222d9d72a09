"""An asset as a newsroom publishes it, built for a whole page of assets in a bounded number of
queries (the related rows are prefetched; groups and renditions are read once per page)."""

from django.db.models import Prefetch

from assets.kinds import kind_of_model
from search.duplicates.groups import groups_of
from search.keys import key_for

from . import files, terms
from .urls import url_maker


def with_related(queryset):
    """The queryset an asset representation reads from: related rows joined or prefetched."""
    return queryset.select_related("agency", "licence", "campaign").prefetch_related(
        "topics", "audiences", "legal_documents", Prefetch("tags")
    )


def api_type(asset) -> str:
    return kind_of_model(type(asset)).name


def detail_url(request, asset) -> str:
    return url_maker(request).path(f"api_v3:{api_type(asset)}_detail", asset.pk)


def hub_url(request, asset) -> str | None:
    """The asset's page on the hub, once the hub names its route `hub_asset` (kind, id)."""
    return url_maker(request).path("hub_asset", api_type(asset), asset.pk)


def represent_assets(request, assets: list, extra_specs: list[str] | None = None) -> list[dict]:
    if not assets:
        return []
    keys = [key_for(asset) for asset in assets]
    groups = groups_of(keys)
    transcoded = {}
    if api_type(assets[0]) != "image":
        transcoded = files.transcoded_by_asset(type(assets[0]), [asset.pk for asset in assets])
    return [
        represent_asset(
            request,
            asset,
            key=key,
            credited=_credited(asset, groups.get(key)),
            transcoded=transcoded.get(asset.pk, []),
            extra_specs=extra_specs or [],
        )
        for asset, key in zip(assets, keys, strict=True)
    ]


def _credited(asset, group: dict | None) -> list[dict]:
    own = terms.agency_ref(asset.agency)
    credited = [own] if own else []
    for name in (group or {}).get("agencies", []):
        if own is None or name != own["name"]:
            credited.append({"code": "", "name": name, "name_en": "", "kind": ""})
    return credited


def represent_asset(request, asset, *, key, credited, transcoded, extra_specs) -> dict:
    kind = api_type(asset)
    original = files.file_url(request, asset.file.name) if asset.file else None
    file_links = {"original": original, "download": None, **_empty_streams()}
    renditions = []
    if kind == "image":
        renditions = files.image_renditions(request, asset, extra_specs)
    else:
        file_links.update(files.transcoded_files(request, transcoded))
        renditions = files.downloadable_renditions(request, transcoded)
    file_links["download"] = url_maker(request).path(f"api_v3:{kind}_download", asset.pk)
    detail = detail_url(request, asset)
    return {
        "id": asset.pk,
        "key": key,
        "type": kind,
        "kind": asset.kind,
        "title": asset.title,
        "title_en": asset.title_en,
        "description": asset.description,
        "description_en": asset.description_en,
        "language": asset.language,
        "keywords": [tag.name for tag in asset.tags.all()],
        "creator": asset.creator,
        "credit_line": terms.credit_line(asset),
        "copyright_holder": asset.copyright_holder,
        "source_url": asset.source_url,
        "agency": terms.agency_ref(asset.agency),
        "credited_agencies": credited,
        "topics": [terms.term(topic) for topic in asset.topics.all()],
        "audiences": [terms.term(audience) for audience in asset.audiences.all()],
        "campaign": terms.term(asset.campaign),
        "legal_documents": [terms.legal_document(d) for d in asset.legal_documents.all()],
        "licence": terms.licence(asset.licence, asset.licence_expires_on),
        "width": getattr(asset, "width", None),
        "height": getattr(asset, "height", None),
        "duration": getattr(asset, "duration", None) or None,
        "pages": getattr(asset, "page_count", None),
        "byte_size": asset.byte_size,
        "sha256": asset.content_sha256,
        "original_filename": asset.filename,
        "embargo_until": asset.embargo_until,
        "created_at": asset.created_at,
        "updated_at": asset.updated_at,
        "files": file_links,
        "renditions": renditions,
        "links": {"self": detail, "hub": hub_url(request, asset), "ninjs": f"{detail}ninjs/"},
    }


def _empty_streams() -> dict:
    return {
        "hls": None,
        "poster": None,
        "storyboard": None,
        "storyboard_vtt": None,
        "waveform": None,
        "previews": [],
    }
