from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AssetRequest(models.Model):
    """An editor asks the agency holding an asset (known to them only by the reference of a
    duplicate check) for it; the agency's editors are told and find it in their inbox."""

    reference = models.CharField(_("reference"), max_length=64, db_index=True)
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("agency asked"),
        on_delete=models.CASCADE,
        related_name="asset_requests",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requesting_agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("on behalf of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("request for an asset")
        verbose_name_plural = _("requests for assets")

    def __str__(self) -> str:
        return f"{self.agency} ← {self.requesting_agency or self.requested_by}"
