"""Captions are WebVTT text that browsers read into a <track>: it must say so and stay small."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_CAPTION_CHARS = 500_000


def validate_webvtt(text: str) -> None:
    if not text:
        return
    if not text.lstrip("\ufeff").startswith("WEBVTT"):
        raise ValidationError(_("Captions must be WebVTT: the text starts with WEBVTT."))
    if len(text) > MAX_CAPTION_CHARS:
        raise ValidationError(
            _("Captions are limited to %(limit)s characters.") % {"limit": MAX_CAPTION_CHARS}
        )
    if "-->" not in text:
        raise ValidationError(_("The captions have no cue (a line with “-->”)."))
