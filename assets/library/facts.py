"""What the read-only asset page shows: rights, description and file facts, and where it is used."""

from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, ReferenceIndex

from cms.agencies.access import collection_ids_of

from ..visibility import visible_to


def is_own(asset, user) -> bool:
    """The user's agency holds it (or the user is an administrator): the edit page is theirs."""
    return user.is_superuser or asset.collection_id in collection_ids_of(user)


def described(asset) -> list[tuple[str, object]]:
    """(label, value) pairs, the empty ones left out."""
    pairs = [
        (_("agency"), asset.agency),
        (_("kind"), asset.get_kind_display()),
        (_("licence"), asset.licence),
        (_("licence expires on"), asset.licence_expires_on),
        (_("credit line"), asset.credit_line),
        (_("copyright holder"), asset.copyright_holder),
        (_("creator"), asset.creator),
        (_("description (Vietnamese)"), asset.description),
        (_("title (English)"), asset.title_en),
        (_("topics"), ", ".join(str(topic) for topic in asset.topics.all())),
        (_("audiences"), ", ".join(str(audience) for audience in asset.audiences.all())),
        (_("campaign or event"), asset.campaign),
        (_("language"), asset.get_language_display()),
        (_("original file name"), asset.filename),
        (_("size in bytes"), asset.byte_size),
        (_("dimensions"), _dimensions(asset)),
        (_("duration in seconds"), round(asset.duration) if getattr(asset, "duration", 0) else ""),
        (_("pages"), getattr(asset, "page_count", None)),
    ]
    return [(label, value) for label, value in pairs if value not in (None, "")]


def _dimensions(asset) -> str:
    width, height = getattr(asset, "width", None), getattr(asset, "height", None)
    return f"{width} × {height}" if width and height else ""


def uses_of(asset, user) -> list:
    """The pages that use the asset, among those the user may see."""
    groups = ReferenceIndex.get_references_to(asset).group_by_source_object()
    page_ids = [source.pk for source, _references in groups if isinstance(source, Page)]
    return list(visible_to(Page.objects.filter(pk__in=page_ids), user).order_by("title"))
