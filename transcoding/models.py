"""A job per asset and output, the rendition files a finished job produced, and the notes that
tell an uploader a long job has ended."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import JobStatus, NotificationKind, OutputKind


class TranscodeJob(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    asset = GenericForeignKey("content_type", "object_id")
    output = models.CharField(_("output"), max_length=30, choices=OutputKind.choices)
    source_sha256 = models.CharField(_("source SHA-256"), max_length=64)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=JobStatus.choices,
        default=JobStatus.PENDING,
        db_index=True,
    )
    progress = models.FloatField(_("progress (%)"), default=0)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    error = models.TextField(_("error"), blank=True)
    work_units = models.FloatField(
        _("amount of work"), null=True, blank=True, help_text=_("Seconds of media, or pages.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    queued_at = models.DateTimeField(_("queued at"), null=True, blank=True)
    task_id = models.CharField(_("task id"), max_length=64, blank=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    worker = models.CharField(_("worker"), max_length=200, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    retry_at = models.DateTimeField(_("next attempt at"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("transcoding job")
        verbose_name_plural = _("transcoding jobs")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "output"], name="one_job_per_asset_output"
            ),
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.get_output_display()} #{self.object_id}: {self.get_status_display()}"


class Rendition(models.Model):
    job = models.ForeignKey(TranscodeJob, on_delete=models.CASCADE, related_name="renditions")
    name = models.CharField(_("name"), max_length=100)
    file = models.FileField(_("file"), max_length=500)
    mime_type = models.CharField(_("MIME type"), max_length=100)
    width = models.PositiveIntegerField(_("width"), null=True, blank=True)
    height = models.PositiveIntegerField(_("height"), null=True, blank=True)
    duration = models.FloatField(_("duration"), null=True, blank=True)
    bit_rate = models.PositiveBigIntegerField(_("bit rate"), null=True, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)

    class Meta:
        verbose_name = _("rendition")
        verbose_name_plural = _("renditions")
        constraints = [
            models.UniqueConstraint(fields=["job", "name"], name="one_rendition_per_name"),
        ]
        ordering = ["job", "name"]

    def __str__(self) -> str:
        return self.name


class JobNotification(models.Model):
    """Tells the uploader, in the admin, that a long job finished or that a job failed."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="transcoding_notes"
    )
    job = models.ForeignKey(TranscodeJob, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(_("kind"), max_length=10, choices=NotificationKind.choices)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("transcoding notification")
        verbose_name_plural = _("transcoding notifications")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def __str__(self) -> str:
        return f"{self.job}: {self.get_kind_display()}"
