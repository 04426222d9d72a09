"""Editors' decisions about near copies: recorded, and carried out.

A "reuse" decision keeps nothing of the upload; "new version of" joins the existing asset's group.
"""

from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from cms.agencies.access import agencies_of
from search.keys import instance_for_key, key_for

from .enums import Decision, Relation
from .groups import join_group
from .models import DuplicateDecision


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


def decide(user, candidate_key: str, sent: dict):
    """Record the decision; "reuse" of an already stored upload removes that upload."""
    if instance_for_key(candidate_key) is None:
        raise LookupError(_("The existing asset is not there any more."))
    asset = _uploaded_asset(user, sent.get("asset"))
    recorded = record_decision(
        candidate_key=candidate_key,
        decision=sent["decision"],
        user=user,
        asset=asset if sent["decision"] != Decision.REUSE else None,
        evidence=sent.get("evidence") if isinstance(sent.get("evidence"), dict) else {},
        sha256=str(sent.get("sha256", ""))[:64] or getattr(asset, "content_sha256", ""),
        filename=str(sent.get("filename", ""))[:255],
        byte_size=getattr(asset, "byte_size", None) or _size(sent.get("size")),
    )
    if asset is not None and sent["decision"] == Decision.REUSE:
        asset.delete()  # the stored original stays while any other asset refers to it
    return recorded


def _uploaded_asset(user, key):
    """The caller's own fresh upload named in the decision, if any."""
    if not key:
        return None
    asset = instance_for_key(str(key)) if ":" in str(key) else None
    if asset is None or not hasattr(asset, "uploaded_by_user_id"):
        raise LookupError(_("The uploaded asset is not there any more."))
    if asset.uploaded_by_user_id != user.pk and not user.is_superuser:
        raise PermissionError(_("Only the editor who uploaded it may decide about this asset."))
    return asset


def _size(value) -> int | None:
    return value if isinstance(value, int) and value >= 0 else None
