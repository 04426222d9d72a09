"""Reuse counted per day, consumer, item and kind of fetch (flushed from the cache)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..enums import FetchKind


class ReuseCount(models.Model):
    day = models.DateField(_("day"), db_index=True)
    consumer = models.ForeignKey(
        "cms_api.Consumer",
        verbose_name=_("consumer"),
        null=True,
        on_delete=models.CASCADE,
        help_text=_("Empty for anonymous fetches."),
    )
    key = models.CharField(_("item"), max_length=64, db_index=True)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("agency"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    fetch = models.CharField(_("fetched"), max_length=10, choices=FetchKind.choices)
    count = models.PositiveIntegerField(_("count"), default=0)

    class Meta:
        verbose_name = _("reuse count")
        verbose_name_plural = _("reuse counts")
        # One row per (day, consumer, key, fetch), kept so by the flush (anonymous has no
        # consumer, and NULLs are distinct in a unique constraint on most databases).
        indexes = [models.Index(fields=["day", "consumer", "key", "fetch"])]

    def __str__(self) -> str:
        return f"{self.day} {self.key} {self.fetch}: {self.count}"
