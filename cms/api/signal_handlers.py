"""The change feed's tombstones: written when an item leaves the public library, removed when it
comes back."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from wagtail.signals import page_unpublished

from assets.api_tokens import bearer_token
from assets.models import DocumentAsset, ImageAsset, MediaAsset
from assets.signals import asset_changed, stored_file_served
from cms.pages.models import ArticlePage
from search.keys import key_for, kind_for_model

from . import reuse, tokens
from .accounts import ensure_account, sync_groups
from .enums import ChangeReason, FetchKind, WebhookEvent
from .models import Consumer, Tombstone
from .webhooks import announce_change

# What a reuser hears about, by what changed.
EVENTS = {"file": WebhookEvent.REPLACED, "metadata": WebhookEvent.CORRECTED}


def bury(instance, reason: str, detail: str = "") -> None:
    Tombstone.objects.create(
        key=key_for(instance),
        kind=kind_for_model(type(instance)),
        object_id=instance.pk,
        reason=reason,
        detail=detail[:500],
        at=timezone.now(),
    )


@receiver(post_delete, sender=ImageAsset)
@receiver(post_delete, sender=DocumentAsset)
@receiver(post_delete, sender=MediaAsset)
@receiver(post_delete, sender=ArticlePage)
def tombstone_for_deleted(sender, instance, **kwargs):
    bury(instance, ChangeReason.DELETED)
    key = key_for(instance)
    transaction.on_commit(lambda: announce_change.enqueue(WebhookEvent.DELETED, key, {}))


@receiver(page_unpublished, sender=ArticlePage)
def tombstone_for_unpublished_article(sender, instance, **kwargs):
    bury(instance, ChangeReason.WITHDRAWN)


@receiver(asset_changed)
def tombstone_for_withdrawn_asset(sender, instance, changes, **kwargs):
    if "withdrawn" in changes:
        bury(instance, ChangeReason.WITHDRAWN, instance.withdrawal_reason)
    elif "published" in changes:
        Tombstone.objects.filter(key=key_for(instance)).delete()


@receiver(asset_changed)
def tell_reusers(sender, instance, changes, **kwargs):
    """Replaced, corrected or withdrawn: every consumer that fetched it hears of it."""
    key = key_for(instance)
    events = [event for change, event in EVENTS.items() if change in changes]
    if "withdrawn" in changes:
        events = [WebhookEvent.WITHDRAWN]
    payload = {"detail": instance.withdrawal_reason} if "withdrawn" in changes else {}
    for event in events:
        transaction.on_commit(lambda event=event: announce_change.enqueue(str(event), key, payload))


@receiver(post_save, sender=Consumer)
def keep_the_service_account(sender, instance, raw=False, **kwargs):
    if raw:
        return
    ensure_account(instance)
    sync_groups(instance)


@receiver(stored_file_served)
def count_file_reuse(sender, instance, name, original, request, **kwargs):
    """Originals and renditions fetched by URL count as reuse too (by the consumer whose token
    came with the request, else anonymously); HLS segments are not counted one by one."""
    if name.endswith((".m4s", ".ts")):
        return
    plaintext = bearer_token(request)
    caller = (tokens.resolve(plaintext) if plaintext else None) or tokens.Caller()
    fetch = FetchKind.ORIGINAL if original else FetchKind.RENDITION
    reuse.record_fetch(caller, key_for(instance), instance.agency_id, fetch)
