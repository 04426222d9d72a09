"""The home page: the campaign of the moment, featured media, the newest of each kind, the
calendar of yearly days, topics and agencies."""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assets.enums import ImageKind, MediaKind
from cms.agencies.models import Agency
from cms.taxonomy.models import Topic
from search import queries

from . import campaigns
from .cards import Card, latest_cards
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


def shelves(hero: campaigns.Occurrence | None) -> tuple[list[Shelf], Card | None]:
    """The newest of each kind, and the hero campaign's newest picture: one query per shelf for
    its keys, then groups and cards for all of them at once."""
    video_types = [MediaKind.VIDEO, MediaKind.MOTION_GRAPHIC, MediaKind.CLIP]
    audio_types = [MediaKind.PODCAST, MediaKind.AUDIO]
    wanted = [
        (_("Infographics"), library_url(type=[ImageKind.INFOGRAPHIC]),
         ("image", 4, {"kind": ImageKind.INFOGRAPHIC})),
        (_("Videos"), library_url(type=video_types), ("media", 4, {"kind__in": video_types})),
        (_("Podcasts and audio"), library_url(type=audio_types),
         ("media", 4, {"kind__in": audio_types})),
        (_("Photos"), library_url(type=[ImageKind.PHOTO]), ("image", 4, {"kind": ImageKind.PHOTO})),
        (_("Handbooks and documents"), library_url(kind=["document"]), ("document", 4, None)),
        (_("Articles"), library_url(kind=["article"]), ("article", 4, None)),
    ]  # fmt: skip
    hero_list = [("image", 1, {"campaign": hero.campaign})] if hero else []
    lists = latest_cards([spec for _title, _url, spec in wanted] + hero_list)
    found, hero_cards = (
        lists[: len(wanted)],
        [card for cards in lists[len(wanted) :] for card in cards],
    )
    shown = [
        Shelf(title, url, cards)
        for (title, url, _spec), cards in zip(wanted, found, strict=True)
        if cards
    ]
    return shown, (hero_cards[0] if hero_cards else None)


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


def _front(today) -> dict:
    calendar = campaigns.calendar(today)
    hero = campaigns.hero(calendar)
    shown, hero_picture = shelves(hero)
    return {"calendar": calendar, "hero": hero, "shelves": shown, "hero_card": hero_picture}


def home_context(page, request) -> dict:
    # The same for every visitor until something changes: kept per generation (and per day, as
    # the campaign of the moment comes with the date, not with a change).
    today = timezone.localdate()
    front_key = f"home:front:{today.isoformat()}"
    kept = cached_many([front_key, "home:directory"], {
        front_key: lambda: _front(today),
        "home:directory": directory_tiles,
    }.get)  # fmt: skip
    front, directory = kept[front_key], kept["home:directory"]
    hero, hero_picture, shown = front["hero"], front["hero_card"], front["shelves"]
    return {
        "hero": hero,
        "hero_card": hero_picture,
        "featured": featured(shown, {hero_picture.key} if hero_picture else set()),
        "shelves": shown,
        "calendar": [o for o in front["calendar"] if o is not hero][:4],
        **directory,
        "meta": page_meta(
            request,
            page.seo_title or str(_("National digital communication resource library")),
            description=page.search_description or str(DESCRIPTION),
            jsonld=[website(request)],
        ),
    }
