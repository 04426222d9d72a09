from django.db.models.signals import post_save

from .kinds import asset_models


def tag_with_file_keywords(sender, instance, **kwargs):
    """Keywords read from the file (IPTC/XMP) become tags once the row exists."""
    keywords = getattr(instance, "_pending_keywords", None)
    if keywords:
        instance._pending_keywords = None
        instance.tags.add(*keywords)


def connect() -> None:
    for model in asset_models():
        uid = f"assets_keywords_{model._meta.model_name}"
        post_save.connect(tag_with_file_keywords, sender=model, dispatch_uid=uid)
