"""Template helpers of the hub: JSON-LD blocks, durations, the same page in another language."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..asset_page import player_context
from ..language import path_in
from ..outputs import outputs_of
from ..player import storyboard, waveform
from ..thumbs import PAGE_SPECS, image_thumb

register = template.Library()
_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def jsonld(data: dict) -> str:
    """A schema.org block that no string inside it can close early."""
    encoded = json.dumps(data, ensure_ascii=False, default=str).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(encoded))


@register.filter
def duration(seconds) -> str:
    if not seconds:
        return ""
    whole = round(float(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


@register.simple_tag(takes_context=True)
def in_language(context, language: str) -> str:
    """This page's address in `language`, query string included."""
    request = context["request"]
    query = request.META.get("QUERY_STRING", "")
    return path_in(language, request.path) + (f"?{query}" if query else "")


@register.inclusion_tag("components/picture.html")
def picture(image, sizes: str = "(min-width: 992px) 800px, 100vw", css_class: str = ""):
    """A responsive library image through the access-checked file view (never the original)."""
    return {"thumb": image_thumb(image, PAGE_SPECS, sizes=sizes) if image else None,
            "css_class": css_class}  # fmt: skip


@register.inclusion_tag("components/players/media.html")
def media_player(media):
    """The hub's player for a library video or audio: HLS with MP4 fallback, or normalised audio
    with its waveform; the worker's outputs, never the untranscoded original."""
    outputs = outputs_of(media)
    drawn = {
        "storyboard": storyboard(outputs.get("sprite-vtt"), outputs.get("sprite")),
        "waveform": waveform(outputs.get("waveform")),
    }
    return {"media": media, **player_context(media, "media", outputs, drawn)}
