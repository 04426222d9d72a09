"""What editors decided about near copies."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..enums import Decision


class DuplicateDecision(models.Model):
    """One editor's answer to "is this the same as that?", asked at upload time."""

    candidate_key = models.CharField(_("existing asset"), max_length=64, db_index=True)
    asset_key = models.CharField(
        _("uploaded asset"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_("Empty when the editor reused the existing asset and stored nothing."),
    )
    decision = models.CharField(_("decision"), max_length=20, choices=Decision.choices)
    sha256 = models.CharField(_("SHA-256 of the upload"), max_length=64, blank=True)
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    byte_size = models.PositiveBigIntegerField(_("size in bytes"), null=True)
    evidence = models.JSONField(_("why it matched"), default=dict)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    agency = models.ForeignKey(
        "agencies.Agency", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        db_table = "assets_duplicatedecision"  # created by the assets app, before this app
        verbose_name = _("duplicate decision")
        verbose_name_plural = _("duplicate decisions")
        ordering = ["-decided_at"]

    def __str__(self) -> str:
        return f"{self.asset_key or self.filename} -> {self.candidate_key}: {self.decision}"
