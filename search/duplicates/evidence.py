"""What a check found, kept for its caller: the matches a decision may name (see models.checks)."""

from django.db import transaction
from django.utils import timezone

from .matching import Match
from .models import CheckedMatch, DuplicateCheck
from .visible import visible_keys


def record_check(user, matches: list[Match], *, asset_key: str = "", sha256: str = ""):
    """(the check, {matched key: its CheckedMatch}); no check for no match or no user."""
    if not matches or not user.is_authenticated:
        return None, {}
    with transaction.atomic():
        DuplicateCheck.objects.filter(expires_at__lt=timezone.now()).delete()
        check = DuplicateCheck.objects.create(user=user, asset_key=asset_key, sha256=sha256)
        checked = CheckedMatch.objects.bulk_create(
            CheckedMatch(duplicate_check=check, key=match.key, evidence=match.as_evidence())
            for match in matches
        )
    return check, {row.key: row for row in checked}


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
