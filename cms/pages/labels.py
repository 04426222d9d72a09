"""Readable, translated names for what the index stores as codes: kinds, types, languages."""

from django.utils.translation import gettext_lazy as _

from assets.enums import DocumentKind, ImageKind, Language, MediaKind
from cms.agencies.enums import AgencyKind

KIND_LABELS = {
    "image": _("Images"),
    "document": _("Documents"),
    "media": _("Video and audio"),
    "article": _("Articles"),
    "hub": _("Agency sections"),
}
TYPE_LABELS = {
    **dict(ImageKind.choices),
    **dict(DocumentKind.choices),
    **dict(MediaKind.choices),
    "article": _("Article"),
    "section": _("Agency section"),
}
LANGUAGE_LABELS = dict(Language.choices)
AGENCY_KIND_LABELS = dict(AgencyKind.choices)
AUDIO_TYPES = {MediaKind.PODCAST, MediaKind.AUDIO}


def type_label(value: str) -> str:
    return str(TYPE_LABELS.get(value, value))
