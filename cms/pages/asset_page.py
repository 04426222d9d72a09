"""An asset's public page: the picture, player or page previews; metadata; licence, credit line,
downloads the licence allows and embed code; the agencies holding the same work; more like it."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from search import queries
from search.keys import key_for, split_key

from . import licensing
from .cards import asset_url, cards_for_keys
from .derived import image_open_graph, open_graph
from .files import file_url
from .freshness import cached_many
from .grouping import collapse, same_work
from .jsonld import asset_object
from .labels import LANGUAGE_LABELS, type_label
from .language import localized
from .outputs import Outputs, outputs_of
from .player import storyboard, waveform
from .seo import OpenGraphImage, page_meta
from .thumbs import PAGE_SPECS, TALL_RATIO, image_thumb

IMAGE_SIZES = "(min-width: 1200px) 760px, (min-width: 992px) 62vw, 100vw"
SHARED_VERSION = 2
IMAGE_DOWNLOADS = {"small": ("width-800|format-jpeg", 0), "large": ("width-1600|format-jpeg", 800),
                   "full": ("original", 1600)}  # fmt: skip


@dataclass(frozen=True)
class Download:
    label: str
    url: str
    detail: str = ""


def image_downloads(asset) -> list[Download]:
    if asset.is_svg():  # a vector drawing has no sizes: its (sanitised) file is the download
        return [Download("SVG", file_url(asset.file.name), _file_size(asset.byte_size))]
    labels = {
        "small": _("Small (800 px wide)"),
        "large": _("Large (1600 px wide)"),
        "full": _("Full size (%(w)s × %(h)s px)") % {"w": asset.width, "h": asset.height},
    }
    return [
        Download(str(labels[size]), asset_url("image", asset.pk, "download") + f"?size={size}")
        for size, (_spec, wider_than) in IMAGE_DOWNLOADS.items()
        if asset.width > wider_than
    ]


def _file_size(size: int | None) -> str:
    """A file size as people read it: kB under a megabyte, MB above."""
    if not size:
        return ""
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, size // 1000)} kB"


def media_downloads(outputs: Outputs) -> list[Download]:
    found = [Download(f"MP4 {r.name} ({r.width} × {r.height})", file_url(r.file.name),
                      _file_size(r.size)) for r in outputs.mp4_rungs]  # fmt: skip
    found += [Download(f"{r.name.upper()} ({r.mime_type})", file_url(r.file.name),
                       _file_size(r.size)) for r in outputs.audio]  # fmt: skip
    return found


def downloads(asset, kind: str, outputs: Outputs) -> list[Download]:
    """What the licence lets anyone download: renditions, never an image's original."""
    if not licensing.may_download(asset):
        return []
    if kind == "image":
        return image_downloads(asset)
    if kind == "document":
        label = str(_("PDF document"))
        return [Download(label, file_url(asset.file.name), _file_size(asset.byte_size))]
    return media_downloads(outputs)


def embed_code(url: str, title: str, kind: str) -> str:
    height = 480 if kind == "document" else 360
    return (
        f'<iframe src="{url}" width="640" height="{height}" title="{escape(title)}" '
        'loading="lazy" allowfullscreen style="border:0;max-width:100%"></iframe>'
    )


def key_url(key: str) -> str:
    return asset_url(*split_key(key))


def facts(asset, kind: str, legal_documents: list) -> list[tuple[str, object]]:
    """(label, value) rows of the metadata table; empty values are left out."""
    rows = [
        (_("Type"), type_label(asset.kind)),
        (_("Agency"), asset.agency.localized_name if asset.agency else ""),
        (_("Creator"), asset.creator),
        (_("Copyright holder"), asset.copyright_holder),
        (_("Published"), date_format(asset.created_at, "DATE_FORMAT") if asset.created_at else ""),
        (_("Language"), LANGUAGE_LABELS.get(asset.language, asset.language)),
    ]
    if kind == "image" or getattr(asset, "width", None):
        rows.append((_("Size"), f"{asset.width} × {asset.height} px" if asset.width else ""))
    if getattr(asset, "duration", None):
        minutes, seconds = divmod(round(asset.duration), 60)
        rows.append((_("Duration"), f"{minutes}:{seconds:02d}"))
    if getattr(asset, "page_count", None):
        rows.append((pgettext_lazy("document length", "Pages"), asset.page_count))
    if asset.campaign:
        rows.append((_("Campaign or event"), asset.campaign.name))
    legal = ", ".join(doc.number for doc in legal_documents)
    rows.append((_("Communicates"), legal))
    return [(label, value) for label, value in rows if value]


def related_cards(key: str, exclude: set[str], count: int = 4) -> list:
    """More like this: the most similar public works, those of the same kind first (a video's
    page suggests videos), each grouped work once."""
    kind = split_key(key)[0]
    keys = [hit.key for hit in queries.more_like_this(key, size=10) if hit.key not in exclude]
    keys.sort(key=lambda other: split_key(other)[0] != kind)  # stable: similarity order kept
    rows = collapse(keys)[:count]
    return cards_for_keys([row_key for row_key, _agencies in rows])


def shared_parts(asset, kind: str, key: str, alt: str) -> dict:
    """What every visitor of this asset sees alike until the library changes: the worker's
    outputs (with the storyboard and waveform read from them) or the picture's renditions, the
    link-preview picture, its topics, audiences and legal documents, the agency's section, the
    agencies holding the same work and more like it. Kept per generation,
    so a page view costs one round trip to the cache for all of them; the first view after a
    change computes them (the similarity query is the page's dearest part)."""

    def compute() -> dict:
        copies = same_work(key)
        outputs = outputs_of(asset) if kind != "image" else Outputs()
        return {
            "outputs": outputs,
            "picture": image_thumb(asset, PAGE_SPECS, alt=alt, sizes=IMAGE_SIZES)
            if kind == "image"
            else None,
            "open_graph": _open_graph_name(asset, kind, outputs),
            "topics": list(asset.topics.all()),
            "audiences": list(asset.audiences.all()),
            "legal_documents": list(asset.legal_documents.all()),
            "same_work": copies,
            "related": related_cards(key, {key, *(other for other, _agency in copies)}),
            "section_url": _section_url(asset.agency),
            "storyboard": storyboard(outputs.get("sprite-vtt"), outputs.get("sprite")),
            "waveform": waveform(outputs.get("waveform")),
        }

    name = f"asset-page:{SHARED_VERSION}:{key}"  # a new shape must not read an older one
    return cached_many([name], lambda _name: compute)[name]


def _section_url(agency) -> str:
    """The agency's live section on the hub, if it has one."""
    section = getattr(agency, "section_page", None) if agency else None
    return section.url if section is not None and section.live else ""


def _open_graph_name(asset, kind: str, outputs: Outputs) -> str:
    """The stored 1200x630 link-preview picture ("" when there is none)."""
    if kind == "image":
        try:
            return image_open_graph(asset)
        except (OSError, ValueError):
            return ""
    source = outputs.get("poster") or outputs.get("preview")
    return open_graph(source) if source else ""


def _open_graph(request, asset, name: str) -> OpenGraphImage | None:
    if not name:
        return None
    alt = getattr(asset, "alt_text", "") or asset.title
    return OpenGraphImage(request.build_absolute_uri(file_url(name)), alt=alt)


@dataclass(frozen=True)
class CaptionTrack:
    url: str
    language: str
    label: str


def caption_tracks(media) -> list[CaptionTrack]:
    """The <track> elements of a video: its WebVTT captions, Vietnamese first."""
    tracks = []
    for language, label, text in (("vi", "Tiếng Việt", media.captions),
                                  ("en", "English", media.captions_en)):  # fmt: skip
        if text:
            url = reverse("hub:captions", args=[media.pk]) + f"?language={language}"
            tracks.append(CaptionTrack(url, language, label))
    return tracks


def player_context(asset, kind: str, outputs: Outputs, shared: dict) -> dict:
    if kind == "image":
        return {
            "picture": shared["picture"],
            "is_tall": asset.height > asset.width * TALL_RATIO,
            "zoom_url": asset_url("image", asset.pk, "zoom"),
        }
    if kind == "document":
        return {"preview": outputs.get("preview"), "pages": outputs.pages}
    fallback = outputs.fallback_mp4
    return {
        "hls_url": outputs.url("hls"),
        "mp4": fallback,
        "mp4_url": file_url(fallback.file.name) if fallback else "",
        "poster_url": outputs.url("poster"),
        "storyboard": shared["storyboard"],
        "audio_sources": [(file_url(r.file.name), r.mime_type) for r in outputs.audio],
        "waveform": shared["waveform"],
        "captions": caption_tracks(asset),
        "processing": not outputs.by_name,
    }


def _media_facts(asset, kind: str, player: dict) -> dict:
    if kind == "image":
        picture = player["picture"]
        src = picture.src if picture else ""
        return {"contentUrl": src, "width": asset.width, "height": asset.height}
    if kind == "document":
        return {
            "encodingFormat": "application/pdf",
            "thumbnailUrl": file_url(player["preview"].file.name) if player["preview"] else "",
        }
    return {
        "contentUrl": player["mp4_url"] or (player["audio_sources"] or [("", "")])[0][0],
        "thumbnailUrl": player["poster_url"],
        "embedUrl": asset_url(kind, asset.pk, "embed"),
        "duration": asset.duration,
        "width": asset.width,
        "height": asset.height,
    }


def asset_context(request, asset, kind: str) -> dict:
    key = key_for(asset)
    title, title_fallback = localized(asset.title, asset.title_en)
    description, description_fallback = localized(asset.description, asset.description_en)
    alt = localized(asset.alt_text or asset.title, asset.alt_text_en)[0] if kind == "image" else ""
    shared = shared_parts(asset, kind, key, alt)
    outputs = shared["outputs"]
    player = player_context(asset, kind, outputs, shared)
    credit = licensing.credit_line(asset)
    page_url = asset_url(kind, asset.pk)
    embed_url = request.build_absolute_uri(asset_url(kind, asset.pk, "embed"))
    media = _media_facts(asset, kind, player)
    keywords = [topic.name for topic in shared["topics"]]
    described = asset_object(
        asset, kind, request, page_url=page_url, credit=credit, media=media, keywords=keywords
    )
    return {
        "asset": asset,
        "kind": kind,
        "title": title,
        "title_in_vietnamese": title_fallback,
        "description": description,
        "description_in_vietnamese": description_fallback and bool(description),
        "facts": facts(asset, kind, shared["legal_documents"]),
        "topics": shared["topics"],
        "audiences": shared["audiences"],
        "licence": asset.licence,
        "permissions": licensing.permissions(asset.licence),
        "credit_line": credit,
        "downloads": downloads(asset, kind, outputs),
        "embed_code": embed_code(embed_url, title, kind),
        "same_work": [(key_url(other), agency) for other, agency in shared["same_work"]],
        "related": shared["related"],
        "section_url": shared["section_url"],
        "library_url": reverse("hub:library") + f"?type={asset.kind}",
        "meta": page_meta(
            request,
            title,
            description=description or title,
            image=_open_graph(request, asset, shared["open_graph"]),
            og_type="video.other" if kind == "media" and asset.type == "video" else "website",
            jsonld=[described],
            noindex=not asset.is_public,
        ),
        **player,
    }
