"""The steps behind the duplicate API and the admin: check a file, carry out a decision."""

from django.utils.translation import gettext_lazy as _

from assets.duplicates import record_decision
from assets.ingest import inspect_upload
from assets.models import Decision
from assets.tus.finalise import ALL_FAMILIES

from ..keys import instance_for_key


def check_uploaded_file(upload):
    """Validate the file like an upload (nothing is stored) and fingerprint it."""
    facts = inspect_upload(upload, filename=upload.name, allowed=ALL_FAMILIES)
    return facts.fingerprints


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
