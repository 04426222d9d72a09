"""When each periodic task runs next: the row every scheduler races for (see `scheduler.py`)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PeriodicRun(models.Model):
    name = models.CharField(_("name"), max_length=200, primary_key=True)
    next_run_at = models.DateTimeField(_("next run at"))
    last_enqueued_at = models.DateTimeField(_("last queued at"), null=True, blank=True)
    last_task_id = models.CharField(_("last task id"), max_length=64, blank=True)
    runs = models.PositiveBigIntegerField(_("runs queued"), default=0)
    skipped = models.PositiveBigIntegerField(_("runs skipped (previous one unfinished)"), default=0)

    class Meta:
        verbose_name = _("periodic task")
        verbose_name_plural = _("periodic tasks")

    def __str__(self) -> str:
        return self.name
