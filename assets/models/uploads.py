"""A resumable (tus) upload in progress: who sends what, where the bytes are, how far it got."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class UploadStatus(models.TextChoices):
    RECEIVING = "receiving", _("Receiving")
    COMPLETE = "complete", _("Complete")
    FAILED = "failed", _("Failed")


class ResumableUpload(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    collection = models.ForeignKey(
        "wagtailcore.Collection", on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(_("file name"), max_length=255)
    title = models.CharField(_("title"), max_length=255, blank=True)
    asset_type = models.CharField(
        _("asset type"),
        max_length=20,
        blank=True,
        help_text=_("image, document or media; empty to decide from the file."),
    )
    kind = models.CharField(_("kind"), max_length=20, blank=True)
    expected_sha256 = models.CharField(max_length=64, blank=True)
    length = models.PositiveBigIntegerField(_("length"))
    offset = models.PositiveBigIntegerField(_("offset"), default=0)
    status = models.CharField(
        max_length=20, choices=UploadStatus.choices, default=UploadStatus.RECEIVING
    )
    # The machine whose spool folder holds the bytes received so far (NCRL_NODE_NAME).
    spool_node = models.CharField(max_length=255, blank=True)
    staging_key = models.CharField(max_length=255, blank=True)
    multipart_id = models.CharField(max_length=255, blank=True)
    part_size = models.PositiveBigIntegerField(default=0)
    parts = models.JSONField(default=list, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    error = models.TextField(blank=True)
    asset_id = models.PositiveBigIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("resumable upload")
        verbose_name_plural = _("resumable uploads")

    def __str__(self) -> str:
        return f"{self.filename} ({self.offset}/{self.length})"

    @property
    def is_receiving(self) -> bool:
        return self.status == UploadStatus.RECEIVING
