"""What an uploader may learn about a match: everything if they may see the asset, else only who
holds it and a reference to quote when asking that agency for it."""

from django.core import signing
from django.urls import NoReverseMatch, reverse

from assets.kinds import kind_named
from assets.visibility import can_see
from search.keys import instance_for_key, split_key

from .matching import Match

REFERENCE_SALT = "ncrl.duplicate-reference"


def reference_for(key: str) -> str:
    """An opaque token the holding agency can turn back into its asset (`resolve_reference`)."""
    return signing.dumps(key, salt=REFERENCE_SALT)


def resolve_reference(token: str) -> str:
    return signing.loads(token, salt=REFERENCE_SALT)


def describe(match: Match, user) -> dict | None:
    """The match as shown to `user`; None when the matched item no longer exists."""
    instance = instance_for_key(match.key)
    if instance is None:
        return None
    agency = instance.agency
    described = {
        "exact": match.exact,
        "signal": match.signal,
        "similarity": match.similarity,
        "why": match.details,
        "agency": {"code": agency.code, "name": agency.name} if agency else None,
    }
    if not _visible(instance, user):
        described["reference"] = reference_for(match.key)
        described["ask"] = agency.portal_url if agency else ""
        return described
    kind, pk = split_key(match.key)
    described.update(
        key=match.key,
        type=kind,
        id=pk,
        title=instance.title,
        created_at=_created(instance),
        licence=str(instance.licence) if instance.licence else "",
        admin_url=_admin_url(kind, pk),
        preview_url=_preview_url(instance, kind),
    )
    return described


def describe_all(matches: list[Match], user) -> list[dict]:
    return [found for match in matches if (found := describe(match, user)) is not None]


def _visible(instance, user) -> bool:
    if hasattr(instance, "is_published"):
        return can_see(instance, user)
    return instance.live or (user.is_authenticated and user.is_superuser)


def _created(instance) -> str | None:
    moment = getattr(instance, "created_at", None) or getattr(instance, "first_published_at", None)
    return moment.isoformat() if moment else None


def _admin_url(kind: str, pk: int) -> str:
    asset_kind = kind_named(kind)
    name = asset_kind.admin_url_name("edit") if asset_kind else "wagtailadmin_pages:edit"
    try:
        return reverse(name, args=[pk])
    except NoReverseMatch:
        return ""


def _preview_url(instance, kind: str) -> str:
    if kind != "image":
        return ""
    try:
        return instance.get_rendition("max-320x240").url
    except Exception:  # a missing or unreadable original must not hide the match itself
        return ""
