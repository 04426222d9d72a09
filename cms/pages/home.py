"""The home page: the campaign of the moment, featured media, the newest of each kind, the
calendar of yearly days, topics and agencies."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from assets.enums import ImageKind, MediaKind
from cms.agencies.models import Agency
from cms.taxonomy.models import Topic
from search import queries

from . import campaigns
from .cards import Card, latest_article_cards, latest_asset_cards
from .freshness import cached_many
from .jsonld import website
from .labels import AGENCY_KIND_LABELS
from .seo import page_meta

DESCRIPTION = _(
    "Infographics, videos, podcasts, documents and articles on science, technology, innovation "
    "and digital transformation, shared by ministries, provinces, press agencies, universities "
    "and institutes."
)


FEATURED_KINDS = ("image", "media")


@dataclass
class Shelf:
    title: str
    more_url: str
    cards: list[Card] = field(default_factory=list)


@dataclass
class Tile:
    label: str
    url: str
    count: int = 0
    children: list = field(default_factory=list)


def library_url(**filters) -> str:
    pairs = [(name, value) for name, values in filters.items() for value in values]
    return reverse("hub:library") + ("?" + urlencode(pairs) if pairs else "")


def shelves() -> list[Shelf]:
    video_types = [MediaKind.VIDEO, MediaKind.MOTION_GRAPHIC, MediaKind.CLIP]
    audio_types = [MediaKind.PODCAST, MediaKind.AUDIO]
    found = [
        Shelf(_("Infographics"), library_url(type=[ImageKind.INFOGRAPHIC]),
              latest_asset_cards("image", 4, {"kind": ImageKind.INFOGRAPHIC})),
        Shelf(_("Videos"), library_url(type=video_types),
              latest_asset_cards("media", 4, {"kind__in": video_types})),
        Shelf(_("Podcasts and audio"), library_url(type=audio_types),
              latest_asset_cards("media", 4, {"kind__in": audio_types})),
        Shelf(_("Photos"), library_url(type=[ImageKind.PHOTO]),
              latest_asset_cards("image", 4, {"kind": ImageKind.PHOTO})),
        Shelf(_("Handbooks and documents"), library_url(kind=["document"]),
              latest_asset_cards("document", 4)),
        Shelf(_("Articles"), library_url(kind=["article"]), latest_article_cards(4)),
    ]  # fmt: skip
    return [shelf for shelf in found if shelf.cards]


def featured(shown: list[Shelf], exclude: set[str]) -> list[Card]:
    """The newest pictures and videos with a thumbnail, for the row under the hero, taken from
    the shelves already fetched (no second round of queries for the same newest items)."""
    candidates = [card for shelf in shown for card in shelf.cards if card.kind in FEATURED_KINDS]
    candidates.sort(key=lambda card: card.date, reverse=True)
    chosen = [card for card in candidates if card.thumb and card.key not in exclude]
    return chosen[:4]


def topic_tiles(counts: dict[str, int]) -> list[Tile]:
    topics = list(Topic.objects.all())
    tiles = {}
    for topic in topics:
        if topic.parent_id is None:
            tiles[topic.pk] = Tile(topic.name, reverse("hub:topic", args=[topic.slug]),
                                   counts.get(topic.slug, 0))  # fmt: skip
    for topic in topics:
        if topic.parent_id in tiles:
            url = reverse("hub:topic", args=[topic.slug])
            tiles[topic.parent_id].children.append(Tile(topic.name, url, counts.get(topic.slug, 0)))
    return list(tiles.values())


def agency_kind_tiles() -> list[Tile]:
    with_section = Agency.objects.filter(section_page__live=True)
    counted = dict(with_section.values_list("kind").annotate(n=Count("pk")))
    return [
        Tile(str(label), reverse("hub:agency_kind", args=[kind]), counted[kind])
        for kind, label in AGENCY_KIND_LABELS.items()
        if counted.get(kind)
    ]


def hero_card(occurrence) -> Card | None:
    if occurrence is None:
        return None
    cards = latest_asset_cards("image", 1, {"campaign": occurrence.campaign})
    return cards[0] if cards else None


def directory_tiles() -> dict:
    """Topics, kinds of agency and totals with their counts (a search's facet counts over the
    whole library): the same for every visitor until something changes, so kept per generation."""
    overview = queries.search("", sort="date", size=1)
    counts = {facet: dict(values) for facet, values in overview.facets.items()}
    kinds = counts.get("kind", {})
    return {
        "topics": topic_tiles(counts.get("topic", {})),
        "agency_kinds": agency_kind_tiles(),
        "totals": {
            "assets": sum(kinds.get(kind, 0) for kind in ("image", "document", "media")),
            "articles": kinds.get("article", 0),
            "agencies": Agency.objects.count(),
        },
    }


def home_context(page, request) -> dict:
    calendar = campaigns.calendar()
    hero = campaigns.hero(calendar)
    # The same for every visitor until something changes: kept per generation (the hero's
    # campaign is part of the name, as the next campaign comes with the date, not a change).
    hero_key = f"home:hero:{hero.campaign.pk if hero else 0}"
    kept = cached_many(["home:shelves", "home:directory", hero_key], {
        "home:shelves": shelves,
        "home:directory": directory_tiles,
        hero_key: lambda: hero_card(hero),
    }.get)  # fmt: skip
    hero_picture, shown, directory = kept[hero_key], kept["home:shelves"], kept["home:directory"]
    return {
        "hero": hero,
        "hero_card": hero_picture,
        "featured": featured(shown, {hero_picture.key} if hero_picture else set()),
        "shelves": shown,
        "calendar": [o for o in calendar if o is not hero][:4],
        **directory,
        "meta": page_meta(
            request,
            page.seo_title or str(_("National digital communication resource library")),
            description=page.search_description or str(DESCRIPTION),
            jsonld=[website(request)],
        ),
    }
