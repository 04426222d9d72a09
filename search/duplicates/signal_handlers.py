"""An asset's fingerprints are stored once its row exists (the background part is queued then),
an article's when it is published; they go when it goes."""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published

from assets.ingest import take_upload_finding
from assets.kinds import asset_models
from search.keys import key_for, model_for_kind
from search.signal_handlers import enqueue_index
from search.signals import records_written

from .articles import store_article_fingerprints
from .inspector import NAME
from .storing import forget, mark_indexed, store_fingerprints
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


def keep_article_fingerprints(sender, instance, **kwargs) -> None:
    """Before the index writes the article's record (on commit), with these as its terms."""
    store_article_fingerprints(instance.specific)


def forget_fingerprints(sender, instance, **kwargs) -> None:
    forget(key_for(instance))


def note_indexed(sender, keys, as_of, **kwargs) -> None:
    mark_indexed(keys, as_of)


def connect() -> None:
    records_written.connect(note_indexed, dispatch_uid="duplicates_indexed")
    for model in asset_models():
        uid = f"duplicates_{model._meta.model_name}"
        post_save.connect(keep_upload_fingerprints, sender=model, dispatch_uid=f"{uid}_save")
        post_delete.connect(forget_fingerprints, sender=model, dispatch_uid=f"{uid}_delete")
    article = model_for_kind("article")
    page_published.connect(keep_article_fingerprints, sender=article, dispatch_uid="dup_article")
    post_delete.connect(forget_fingerprints, sender=article, dispatch_uid="dup_article_delete")
