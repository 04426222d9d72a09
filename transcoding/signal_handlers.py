"""An asset saved with new bytes gets its jobs; a deleted asset loses them."""

from django.db.models.signals import post_delete, post_save

from .models import TranscodeJob
from .outputs import transcoded_models
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


def connect() -> None:
    for model in transcoded_models():
        name = model.__name__
        post_save.connect(schedule_outputs, sender=model, dispatch_uid=f"transcode-{name}")
        post_delete.connect(forget_jobs, sender=model, dispatch_uid=f"forget-{name}")
