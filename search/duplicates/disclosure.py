"""What an uploader may learn about a match: everything if they may see the asset, else only who
holds it and a reference to quote when asking that agency for it (a random id kept with the
check, see `evidence`, that decodes to nothing)."""

from django.urls import NoReverseMatch, reverse

from assets.kinds import kind_named
from assets.library.facts import is_own
from search.keys import instance_for_key, split_key

from .evidence import record_check
from .matching import Match
from .visible import visible


def disclose(matches: list[Match], user, **check_fields):
    """(the check that vouches for the matches, the matches as `user` may see them); matched
    items that no longer exist are left out. `check_fields` go to `evidence.record_check`."""
    found = [(match, instance) for match in matches if (instance := instance_for_key(match.key))]
    check, checked = record_check(user, [match for match, _instance in found], **check_fields)
    described = [
        describe(match, instance, user, checked[match.key].reference) for match, instance in found
    ]
    return check, described


def describe_check(check, user) -> list[dict]:
    """The matches a check has recorded so far, closest first, as `user` may see them."""
    rows = [(Match.from_evidence(row.evidence), row.reference) for row in check.matches.all()]
    rows.sort(key=lambda pair: (not pair[0].exact, -pair[0].similarity, pair[0].key))
    return [
        describe(match, instance, user, reference)
        for match, reference in rows
        if (instance := instance_for_key(match.key)) is not None
    ]


def describe(match: Match, instance, user, reference: str) -> dict:
    """The match as shown to `user`."""
    agency = instance.agency
    described = {
        "exact": match.exact,
        "signal": match.signal,
        "similarity": match.similarity,
        "why": match.details,
        "agency": {"code": agency.code, "name": agency.name} if agency else None,
    }
    if not visible(instance, user):
        described["reference"] = reference
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
        admin_url=admin_url(match.key, user, instance),
        preview_url=_preview_url(instance, kind),
    )
    return described


def _created(instance) -> str | None:
    moment = getattr(instance, "created_at", None) or getattr(instance, "first_published_at", None)
    return moment.isoformat() if moment else None


def admin_url(key: str, user=None, instance=None) -> str:
    """The admin page of the asset or article a key names ("" if there is none): the edit page,
    or, for an asset another agency holds (`user` given), its read-only library page."""
    kind, pk = split_key(key)
    asset_kind = kind_named(kind)
    if asset_kind is None:
        name = "wagtailadmin_pages:edit"
    elif user is not None and not is_own(instance or instance_for_key(key), user):
        name = asset_kind.library_url_name
    else:
        name = asset_kind.admin_url_name("edit")
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
