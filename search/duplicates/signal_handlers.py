"""An asset's fingerprints are stored once its row exists (the background part is queued then),
and go when it goes."""

from django.db.models.signals import post_delete, post_save

from assets.ingest import take_upload_finding
from assets.kinds import asset_models
from search.keys import key_for
from search.signal_handlers import enqueue_index

from .inspector import NAME
from .storing import forget, store_fingerprints
from .tasks import enqueue_fingerprinting


def keep_upload_fingerprints(sender, instance, raw=False, **kwargs) -> None:
    """The fingerprints computed while the upload was checked are stored once the row exists."""
    fingerprinted = take_upload_finding(instance, NAME)
    if fingerprinted is None or raw:
        return
    store_fingerprints(instance, fingerprinted)
    # The index entry may have been written before the fingerprints: write it again with them.
    enqueue_index(instance)
    if fingerprinted.pending:
        enqueue_fingerprinting(key_for(instance))


def forget_fingerprints(sender, instance, **kwargs) -> None:
    forget(key_for(instance))


def connect() -> None:
    for model in asset_models():
        uid = f"duplicates_{model._meta.model_name}"
        post_save.connect(keep_upload_fingerprints, sender=model, dispatch_uid=f"{uid}_save")
        post_delete.connect(forget_fingerprints, sender=model, dispatch_uid=f"{uid}_delete")
