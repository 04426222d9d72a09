from django.db.models.signals import post_delete, post_save

from assets.models import DocumentAsset, MediaAsset

from .models import TranscodeJob
from .scheduling import schedule_asset


def schedule_outputs(sender, instance, raw=False, **kwargs):
    if not raw and instance.content_sha256:
        schedule_asset(instance)


def forget_jobs(sender, instance, **kwargs):
    TranscodeJob.objects.filter(
        content_type__app_label=instance._meta.app_label,
        content_type__model=instance._meta.model_name,
        object_id=instance.pk,
    ).delete()


for model in (MediaAsset, DocumentAsset):
    post_save.connect(schedule_outputs, sender=model, dispatch_uid=f"transcode-{model.__name__}")
    post_delete.connect(forget_jobs, sender=model, dispatch_uid=f"forget-{model.__name__}")
