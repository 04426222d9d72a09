"""How a save changes an asset, as the outside world sees it: replaced, corrected, withdrawn or
published. The previous state is read in one query before the row is written."""

from django.utils import timezone

from .signals import asset_changed

# The fields a reuser copies: a change to any of them is a correction they must hear about.
PUBLIC_FIELDS = (
    "title",
    "description",
    "title_en",
    "description_en",
    "creator",
    "credit_line",
    "copyright_holder",
    "licence_id",
    "licence_expires_on",
    "source_url",
)


def previous_state(asset) -> dict | None:
    if asset.pk is None:
        return None
    fields = ("is_published", "content_sha256", *PUBLIC_FIELDS)
    return type(asset).objects.filter(pk=asset.pk).values(*fields).first()


def mark_withdrawal(asset, previous: dict | None) -> None:
    """An asset unpublished after it was public is withdrawn (from now, with its reason);
    publishing it again lifts the withdrawal."""
    if asset.is_published:
        asset.withdrawn_at = None
        asset.withdrawal_reason = ""
    elif previous and previous["is_published"] and asset.withdrawn_at is None:
        asset.withdrawn_at = timezone.now()


def changes_between(previous: dict | None, asset) -> frozenset[str]:
    if previous is None:
        return frozenset({"created", "published"} if asset.is_published else {"created"})
    changes = set()
    if previous["content_sha256"] != asset.content_sha256:
        changes.add("file")
    if any(previous[name] != getattr(asset, name) for name in PUBLIC_FIELDS):
        changes.add("metadata")
    if previous["is_published"] and not asset.is_published:
        changes.add("withdrawn")
    if not previous["is_published"] and asset.is_published:
        changes.add("published")
    return frozenset(changes)


def announce(asset, changes: frozenset[str]) -> None:
    """Receivers run inside the saving transaction (a tombstone commits with the change); work
    for later they queue with `transaction.on_commit`."""
    if changes:
        asset_changed.send(sender=type(asset), instance=asset, changes=changes)
