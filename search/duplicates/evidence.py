"""What a check found, kept for its caller: the matches a decision may name (see models.checks)."""

from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from search.keys import instance_for_key

from .matching import Match
from .models import CheckedMatch, DuplicateCheck
from .visible import visible_keys


def record_check(user, matches: list[Match], *, asset_key="", sha256="", keep=False, **fields):
    """(the check, {matched key: its CheckedMatch}); no check for no match (unless `keep`: a
    check whose background part is to come) and none for no user."""
    if not (matches or keep) or not user.is_authenticated:
        return None, {}
    forget_expired_checks()
    with transaction.atomic():
        check = DuplicateCheck.objects.create(
            user=user, asset_key=asset_key, sha256=sha256, **fields
        )
        return check, add_matches(check, matches)


def add_matches(check: DuplicateCheck, matches: list[Match]) -> dict[str, CheckedMatch]:
    """Record the matches a check found that it had not found yet (their references stay)."""
    known = set(check.matches.values_list("key", flat=True))
    CheckedMatch.objects.bulk_create(
        CheckedMatch(duplicate_check=check, key=match.key, evidence=match.as_evidence())
        for match in matches
        if match.key not in known
    )
    return {row.key: row for row in check.matches.all()}


def forget_expired_checks() -> None:
    """Expired checks go, with the files that waited for their background part."""
    expired = DuplicateCheck.objects.filter(expires_at__lt=timezone.now())
    for name in expired.exclude(staged_name="").values_list("staged_name", flat=True):
        default_storage.delete(name)
    expired.delete()


def matches_found_for(user, *, reference: str = "", candidate: str = "", check: str = ""):
    """The caller's unexpired checked matches that a decision names: by the reference of a
    private match, or by the candidate's key (within one check, if `check` is given)."""
    if not user.is_authenticated:
        return CheckedMatch.objects.none()
    found = CheckedMatch.objects.filter(
        duplicate_check__user=user, duplicate_check__expires_at__gt=timezone.now()
    ).select_related("duplicate_check")
    if reference:
        return found.filter(reference=reference)
    found = found.filter(key=candidate)
    return found.filter(duplicate_check__token=check) if check else found


def key_for_reference(reference: str, user) -> str | None:
    """The asset a reference names, for a reader who may see it (its own agency, asked by
    another that found it); None otherwise, whether or not the reference exists."""
    checked = CheckedMatch.objects.filter(reference=reference).first() if reference else None
    if checked is None or checked.key not in visible_keys([checked.key], user):
        return None
    return checked.key


def agency_for_reference(reference: str, user):
    """The agency holding the asset a reference of one of `user`'s own unexpired checks names
    (to ask it for the asset); None for anyone else's reference, an unknown one, or a match
    that has gone, alike."""
    checked = matches_found_for(user, reference=reference).first() if reference else None
    found = instance_for_key(checked.key) if checked is not None else None
    return getattr(found, "agency", None)
