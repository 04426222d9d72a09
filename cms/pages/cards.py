"""Cards: what a list shows of one item (picture, type, title, agency, date, licence), built in
bulk from index keys or querysets, in the language of the request. Assets pass the visibility
rule here, whatever the index said."""

from dataclasses import dataclass, field, replace
from datetime import datetime

from django.urls import reverse
from wagtail.models import Site

from assets.kinds import kind_named
from assets.models import DocumentAsset, ImageAsset, MediaAsset
from assets.visibility import public
from search.keys import model_for_kind, split_key

from .derived import recall, thumbnail_name
from .grouping import collapse, group_members
from .labels import AUDIO_TYPES, type_label
from .language import localized
from .outputs import outputs_by_pk
from .thumbs import CARD_SPECS, Thumb, image_thumb, worker_image_thumb


@dataclass
class Card:
    key: str
    kind: str
    type: str
    title: str
    url: str
    in_vietnamese: bool = False  # an English page showing a Vietnamese title
    agency: object = None
    date: datetime | None = None
    licence: object = None
    thumb: Thumb | None = None
    summary: str = ""
    duration: float | None = None
    pages: int | None = None
    credited: list = field(default_factory=list)
    highlight: str = ""

    @property
    def type_label(self) -> str:
        return type_label(self.type)

    @property
    def other_agencies(self) -> list:
        """Agencies besides this card's own that published the same work."""
        return [agency for agency in self.credited if agency != self.agency]

    @property
    def is_audio(self) -> bool:
        return self.type in AUDIO_TYPES


def asset_url(kind: str, pk: int, part: str = "") -> str:
    """An asset's hub page, or one of its parts ("embed", "zoom", "download")."""
    return reverse(f"hub:{kind}_{part}" if part else f"hub:{kind}", args=[pk])


def _asset_card(asset, kind: str, thumb: Thumb | None) -> Card:
    if asset.licence_expired:
        thumb = None  # its files are no longer served (451): no broken picture on the card
    title, fallback = localized(asset.title, asset.title_en)
    summary, _ = localized(asset.description, asset.description_en)
    return Card(
        key=f"{kind}:{asset.pk}",
        kind=kind,
        type=asset.kind,
        title=title,
        url=asset_url(kind, asset.pk),
        in_vietnamese=fallback,
        agency=asset.agency,
        date=asset.created_at,
        licence=asset.licence,
        thumb=thumb,
        summary=summary,
        duration=getattr(asset, "duration", None) or None,
        pages=getattr(asset, "page_count", None),
    )


def _assets(kind: str, pks) -> list:
    queryset = public(kind_named(kind).model.objects.filter(pk__in=pks)).select_related(
        "agency", "licence"
    )
    if kind == "image":
        queryset = queryset.prefetch_renditions(*CARD_SPECS)
    return list(queryset)


def image_cards(pks) -> dict[int, Card]:
    return {
        image.pk: _asset_card(image, "image", image_thumb(image, alt=""))
        for image in _assets("image", pks)
    }


def _worker_thumbs(assets, model, pick) -> dict[int, Thumb | None]:
    """Thumbnails of the worker's pictures (`pick` chooses one from an asset's outputs)."""
    outputs = outputs_by_pk(
        model, [asset.pk for asset in assets], ["page-0001", "preview", "poster"]
    )
    chosen = {
        asset.pk: pick(outputs[asset.pk]) if asset.pk in outputs else None for asset in assets
    }
    known = recall(thumbnail_name(picture) for picture in chosen.values() if picture is not None)
    return {pk: worker_image_thumb(picture, known=known) for pk, picture in chosen.items()}


def _cover(found):
    return found.get("preview") or found.get("page-0001")


def document_cards(pks) -> dict[int, Card]:
    documents = _assets("document", pks)
    thumbs = _worker_thumbs(documents, DocumentAsset, _cover)
    return {document.pk: _asset_card(document, "document", thumbs[document.pk])
            for document in documents}  # fmt: skip


def media_cards(pks) -> dict[int, Card]:
    media = _assets("media", pks)
    thumbs = _worker_thumbs(media, MediaAsset, lambda found: found.get("poster"))
    return {item.pk: _asset_card(item, "media", thumbs[item.pk]) for item in media}


def _share_site_paths(pages: list) -> None:
    """`page.url` without a request asks the shared cache for the sites' root paths once per
    page; a list asks once and hands the answer to each (where Wagtail keeps it)."""
    if pages:
        paths = Site.get_site_root_paths()
        for page in pages:
            page._wagtail_cached_site_root_paths = paths


def article_cards(pks) -> dict[int, Card]:
    articles = list(
        model_for_kind("article")
        .objects.live()
        .public()
        .filter(pk__in=pks)
        .select_related("agency", "image")
    )
    _share_site_paths(articles)
    images = ImageAsset.objects.filter(pk__in=[a.image_id for a in articles if a.image_id])
    images = {i.pk: i for i in public(images).prefetch_renditions(*CARD_SPECS)}
    cards = {}
    for article in articles:
        title, fallback = localized(article.title, article.title_en)
        summary, _ = localized(article.summary, article.summary_en)
        image = images.get(article.image_id)
        cards[article.pk] = Card(
            key=f"article:{article.pk}",
            kind="article",
            type="article",
            title=title,
            url=article.url,
            in_vietnamese=fallback,
            agency=article.agency,
            date=article.first_published_at,
            licence=None,
            thumb=image_thumb(image, alt="") if image else None,
            summary=summary,
        )
    return cards


def section_cards(pks) -> dict[int, Card]:
    sections = list(
        model_for_kind("hub").objects.live().public().filter(pk__in=pks).select_related("agency")
    )
    _share_site_paths(sections)
    return {
        section.pk: Card(
            key=f"hub:{section.pk}",
            kind="hub",
            type="section",
            title=section.agency.localized_name,
            url=section.url,
            agency=section.agency,
            summary=section.intro,
        )
        for section in sections
    }


BUILDERS = {
    "image": image_cards,
    "document": document_cards,
    "media": media_cards,
    "article": article_cards,
    "hub": section_cards,
}


def cards_for_keys(keys: list[str]) -> list[Card]:
    """Cards in the order of `keys`; keys of items no longer public are left out."""
    by_kind: dict[str, list[int]] = {}
    for key in keys:
        kind, pk = split_key(key)
        by_kind.setdefault(kind, []).append(pk)
    built = {
        f"{kind}:{pk}": card
        for kind, pks in by_kind.items()
        if kind in BUILDERS
        for pk, card in BUILDERS[kind](pks).items()
    }
    return [built[key] for key in keys if key in built]


def newest_keys(kind: str, count: int, filters: dict | None = None) -> list[str]:
    """Keys of the newest public assets of one model (twice `count`: groups take some)."""
    model = kind_named(kind).model
    pks = public(model.objects.filter(**(filters or {}))).order_by("-created_at", "-pk")
    return [f"{kind}:{pk}" for pk in pks.values_list("pk", flat=True)[: count * 2]]


def latest_cards(lists: list[tuple[str, int, dict | None]]) -> list[list[Card]]:
    """The newest public assets (or articles, kind "article") for each (kind, count, filters),
    each grouped work once (by its canonical asset): groups and cards are looked up once for all
    the lists together (the home page's shelves), not once per list."""
    candidates = [
        latest_article_keys(count, **(filters or {}))
        if kind == "article"
        else newest_keys(kind, count, filters)
        for kind, count, filters in lists
    ]
    groups = group_members([key for keys in candidates for key in keys])
    chosen = [
        [(key, []) for key in keys]
        if kind == "article"
        else collapse(keys, prefer_canonical=True, groups=groups)[:count]
        for keys, (kind, count, _filters) in zip(candidates, lists, strict=True)
    ]
    built = {card.key: card for card in cards_for_keys([key for rows in chosen for key, _ in rows])}
    return [
        [replace(built[key], credited=agencies) for key, agencies in rows if key in built]
        for rows in chosen
    ]


def latest_asset_cards(kind: str, count: int, filters: dict | None = None) -> list[Card]:
    """The newest public assets of one model, each grouped work once."""
    return latest_cards([(kind, count, filters)])[0]


def latest_article_keys(count: int, **filters) -> list[str]:
    articles = model_for_kind("article").objects.live().public().filter(**filters)
    pks = articles.order_by("-first_published_at").values_list("pk", flat=True)[:count]
    return [f"article:{pk}" for pk in pks]


def latest_article_cards(count: int, **filters) -> list[Card]:
    return cards_for_keys(latest_article_keys(count, **filters))
