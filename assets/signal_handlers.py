from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import DocumentAsset, ImageAsset, MediaAsset


@receiver(post_save, sender=ImageAsset)
@receiver(post_save, sender=DocumentAsset)
@receiver(post_save, sender=MediaAsset)
def tag_with_file_keywords(sender, instance, **kwargs):
    """Keywords read from the file (IPTC/XMP) become tags once the row exists."""
    keywords = getattr(instance, "_pending_keywords", None)
    if keywords:
        instance._pending_keywords = None
        instance.tags.add(*keywords)
