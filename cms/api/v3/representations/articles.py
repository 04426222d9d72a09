"""An article with its body as blocks (embedded assets expanded, if the caller may see them),
as HTML and as plain text."""

from assets.models import DocumentAsset, ImageAsset, MediaAsset
from search.keys import key_for
from search.records import article_text

from ...access import visible_assets
from . import terms
from .assets import represent_assets, with_related

EMBEDS = {"figure": ("image", ImageAsset), "media": ("media", MediaAsset)}


def with_article_related(queryset):
    return queryset.select_related("agency", "licence", "campaign").prefetch_related(
        "topics", "audiences", "legal_documents"
    )


def _embedded_ids(blocks) -> dict[type, set[int]]:
    wanted: dict[type, set[int]] = {ImageAsset: set(), MediaAsset: set(), DocumentAsset: set()}
    for block in blocks:
        value = block.get("value")
        if block["type"] == "figure" and isinstance(value, dict) and value.get("image"):
            wanted[ImageAsset].add(value["image"])
        elif block["type"] == "media" and isinstance(value, dict) and value.get("media"):
            wanted[MediaAsset].add(value["media"])
        elif block["type"] == "document" and isinstance(value, int):
            wanted[DocumentAsset].add(value)
    return wanted


def _embedded(request, blocks) -> dict[tuple[type, int], dict]:
    found = {}
    for model, ids in _embedded_ids(blocks).items():
        if not ids:
            continue
        assets = list(with_related(visible_assets(model.objects.filter(pk__in=ids), request)))
        for item in represent_assets(request, assets):
            found[(model, item["id"])] = item
    return found


def _asset_of(block, embedded) -> dict | None:
    value = block.get("value")
    if block["type"] == "figure" and isinstance(value, dict):
        return embedded.get((ImageAsset, value.get("image")))
    if block["type"] == "media" and isinstance(value, dict):
        return embedded.get((MediaAsset, value.get("media")))
    if block["type"] == "document":
        return embedded.get((DocumentAsset, value))
    return None


def represent_article(request, page, *, full: bool = True) -> dict:
    blocks = list(page.body.raw_data) if full else []
    embedded = _embedded(request, blocks) if full else {}
    return {
        "id": page.pk,
        "key": key_for(page),
        "title": page.title,
        "title_en": page.title_en,
        "summary": page.summary,
        "summary_en": page.summary_en,
        "language": page.language,
        "author": page.author,
        "agency": terms.agency_ref(page.agency),
        "topics": [terms.term(topic) for topic in page.topics.all()],
        "audiences": [terms.term(audience) for audience in page.audiences.all()],
        "campaign": terms.term(page.campaign),
        "legal_documents": [terms.legal_document(d) for d in page.legal_documents.all()],
        "licence": terms.licence(page.licence),
        "first_published_at": page.first_published_at,
        "last_published_at": page.last_published_at,
        "url": page.get_full_url(request),
        "body": [
            {
                "type": block["type"],
                "id": block.get("id"),
                "value": block.get("value"),
                "asset": _asset_of(block, embedded),
            }
            for block in blocks
        ],
        "body_html": str(page.body.render_as_block()) if full else "",
        "body_text": article_text(page) if full else "",
    }
