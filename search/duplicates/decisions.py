"""Editors' decisions about near copies: recorded, and carried out.

A "reuse" decision keeps nothing of the upload; "new version of" joins the existing asset's group.
"""

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from cms.agencies.access import agencies_of
from search.keys import instance_for_key, key_for

from .decision_requests import DecisionRequest, InvalidDecision
from .enums import Decision, Relation
from .evidence import matches_found_for
from .groups import join_group
from .models import CheckedMatch, DuplicateDecision
from .visible import visible

NO_MATCH = _("No check of yours found this asset.")
MAX_VOUCHING_CHECKS = 100


def record_decision(
    *, candidate_key: str, decision: str, user, asset=None, evidence=None, **upload
) -> DuplicateDecision:
    """Write down what the editor decided; versions join the candidate's group."""
    agency = getattr(asset, "agency", None) or _agency_of_user(user)
    with transaction.atomic():
        recorded = DuplicateDecision.objects.create(
            candidate_key=candidate_key,
            asset_key=key_for(asset) if asset is not None else "",
            decision=decision,
            evidence=evidence or {},
            user=user if user and user.is_authenticated else None,
            agency=agency,
            sha256=upload.get("sha256", "") or getattr(asset, "content_sha256", ""),
            filename=upload.get("filename", ""),
            byte_size=upload.get("byte_size") or getattr(asset, "byte_size", None),
        )
        if asset is not None and decision == Decision.NEW_VERSION:
            join_group(candidate_key, asset, relation=Relation.VERSION)
    return recorded


def bytes_saved_by_reuse() -> int:
    reused = DuplicateDecision.objects.filter(decision=Decision.REUSE, asset_key="")
    return reused.aggregate(total=Sum("byte_size"))["total"] or 0


def _agency_of_user(user):
    if user is None or not user.is_authenticated:
        return None
    return next(iter(agencies_of(user)), None)


def decide(user, sent: DecisionRequest) -> DuplicateDecision:
    """Carry out a decision about a match a check of the caller's found: recorded with that
    check's evidence; "new version" joins the group; "reuse" of a stored upload removes it.

    LookupError when no such match (or asset) is the caller's to decide about: a candidate that
    is missing, was never matched or is not visible to the caller all answer alike."""
    asset = _uploaded_asset(user, sent.asset)
    checked = _vouching_match(user, sent, asset)
    candidate = instance_for_key(checked.key)
    seen = candidate is not None and visible(candidate, user)
    if candidate is None or (sent.candidate and not seen):
        raise LookupError(NO_MATCH)
    if sent.decision == Decision.NEW_VERSION and not seen:
        raise PermissionError(
            _("Only an asset you may see can have a new version; ask the agency that holds it.")
        )
    check = checked.duplicate_check
    recorded = record_decision(
        candidate_key=checked.key,
        decision=sent.decision,
        user=user,
        asset=asset if sent.decision != Decision.REUSE else None,
        evidence=checked.evidence,
        sha256=sent.sha256 or getattr(asset, "content_sha256", "") or check.sha256,
        filename=sent.filename,
        byte_size=getattr(asset, "byte_size", None) or sent.size,
    )
    if asset is not None and sent.decision == Decision.REUSE:
        asset.delete()  # the stored original stays while any other asset refers to it
    return recorded


def _vouching_match(user, sent: DecisionRequest, asset) -> CheckedMatch:
    found = list(
        matches_found_for(
            user, reference=sent.reference, candidate=sent.candidate, check=sent.check
        )[:MAX_VOUCHING_CHECKS]
    )
    if not found:
        raise LookupError(NO_MATCH)
    if asset is None:
        return found[0]
    about_asset = (
        m for m in found if m.duplicate_check.is_about(key_for(asset), asset.content_sha256)
    )
    checked = next(about_asset, None)
    if checked is None:
        raise InvalidDecision(_("The asset you name is not the file that was checked."))
    return checked


def _uploaded_asset(user, key: str):
    """The caller's own upload named in the decision, if any; another editor's answers like a
    missing one."""
    if not key:
        return None
    asset = instance_for_key(key)
    mine = asset is not None and (asset.uploaded_by_user_id == user.pk or user.is_superuser)
    if not mine:
        raise LookupError(_("You have no such upload."))
    return asset
