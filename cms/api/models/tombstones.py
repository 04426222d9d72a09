"""What left the public library, for the change feed: deleted, withdrawn, licence expired."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..enums import ChangeReason


class Tombstone(models.Model):
    key = models.CharField(_("item"), max_length=64, db_index=True)
    kind = models.CharField(_("kind"), max_length=20)
    object_id = models.PositiveBigIntegerField()
    reason = models.CharField(_("reason"), max_length=20, choices=ChangeReason.choices)
    detail = models.CharField(_("detail"), max_length=500, blank=True)
    at = models.DateTimeField(_("at"), db_index=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("removed item")
        verbose_name_plural = _("removed items")

    def __str__(self) -> str:
        return f"{self.key} {self.reason}"
