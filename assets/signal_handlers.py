from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from search.keys import key_for
from search.signal_handlers import enqueue_index

from .fingerprinting import store_fingerprints
from .models import AssetFingerprint, DocumentAsset, ImageAsset, MediaAsset


@receiver(post_save, sender=ImageAsset)
@receiver(post_save, sender=DocumentAsset)
@receiver(post_save, sender=MediaAsset)
def tag_with_file_keywords(sender, instance, **kwargs):
    """Keywords read from the file (IPTC/XMP) become tags once the row exists."""
    keywords = getattr(instance, "_pending_keywords", None)
    if keywords:
        instance._pending_keywords = None
        instance.tags.add(*keywords)


@receiver(post_save, sender=ImageAsset)
@receiver(post_save, sender=DocumentAsset)
@receiver(post_save, sender=MediaAsset)
def keep_upload_fingerprints(sender, instance, raw=False, **kwargs):
    """The fingerprints computed while the upload was checked are stored once the row exists."""
    fingerprinted = getattr(instance, "_pending_fingerprints", None)
    if fingerprinted is None or raw:
        return
    instance._pending_fingerprints = None
    store_fingerprints(instance, fingerprinted)
    # The index entry may have been written before the fingerprints: write it again with them.
    enqueue_index(instance)


@receiver(post_delete, sender=ImageAsset)
@receiver(post_delete, sender=DocumentAsset)
@receiver(post_delete, sender=MediaAsset)
def forget_fingerprints(sender, instance, **kwargs):
    AssetFingerprint.objects.filter(key=key_for(instance)).delete()
