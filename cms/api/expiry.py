"""Licences that ran out: once a day, each asset whose licence expired since the last sweep gets
a tombstone in the change feed and its reusers a webhook."""

from django.utils import timezone

from assets.models import DocumentAsset, ImageAsset, MediaAsset
from search.keys import key_for

from . import webhooks
from .enums import ChangeReason, WebhookEvent
from .models import Tombstone
from .signal_handlers import bury


def mark_expired_licences() -> int:
    today = timezone.localdate()
    marked = 0
    for model in (ImageAsset, DocumentAsset, MediaAsset):
        expired = model.objects.filter(licence_expires_on__lt=today, is_published=True)
        for asset in expired.iterator():
            key = key_for(asset)
            if Tombstone.objects.filter(key=key, reason=ChangeReason.LICENCE_EXPIRED).exists():
                continue
            detail = f"licence expired on {asset.licence_expires_on.isoformat()}"
            bury(asset, ChangeReason.LICENCE_EXPIRED, detail)
            webhooks.notify(WebhookEvent.LICENCE_EXPIRED, key, {"detail": detail})
            marked += 1
    return marked
