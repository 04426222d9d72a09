"""One webhook notification to one consumer, with its attempts: the delivery log."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..enums import DeliveryStatus, WebhookEvent


class WebhookDelivery(models.Model):
    consumer = models.ForeignKey(
        "cms_api.Consumer", verbose_name=_("consumer"), on_delete=models.CASCADE
    )
    event = models.CharField(_("event"), max_length=40, choices=WebhookEvent.choices)
    key = models.CharField(_("item"), max_length=64, db_index=True)
    url = models.URLField(_("URL"), max_length=500)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.PENDING,
        db_index=True,
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    response_status = models.PositiveSmallIntegerField(_("response status"), null=True)
    error = models.TextField(_("error"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True)
    delivered_at = models.DateTimeField(_("delivered at"), null=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")

    def __str__(self) -> str:
        return f"{self.event} {self.key} -> {self.consumer}"
