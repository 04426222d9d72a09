"""Where the duplicate check of each asset or article stands: the cheap part (content hash, and for
images their fingerprints) is done while the upload is received; the rest runs in the background
and reports its progress here. A failure is recorded, shown to the editor, counted in the report
and retried: an asset is never silently left unchecked."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import CheckState


class FingerprintStatus(models.Model):
    key = models.CharField(_("index key"), max_length=64, unique=True)
    state = models.CharField(
        _("state"), max_length=20, choices=CheckState.choices, default=CheckState.CHECKING
    )
    content_hash = models.CharField(
        _("content hash"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_("Hash of the pixels, streams or text, whatever the embedded metadata says."),
    )
    progress = models.FloatField(_("progress"), default=0.0)
    failures = models.JSONField(_("failed parts"), default=list, blank=True)
    error = models.TextField(_("last error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    changed_at = models.DateTimeField(_("changed at"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("duplicate check state")
        verbose_name_plural = _("duplicate check states")
        indexes = [models.Index(fields=["state", "changed_at"], name="duplicates_state_changed")]

    def __str__(self) -> str:
        return f"{self.key}: {self.state}"

    @property
    def checking(self) -> bool:
        return self.state == CheckState.CHECKING

    @property
    def not_checked(self) -> bool:
        return self.state == CheckState.NOT_CHECKED
