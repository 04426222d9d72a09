"""A consumer of the API: a press agency, a portal, a national database or an agency's own
integration. It owns Wagtail API tokens (through its service account) and its scopes, its rate
limit and its webhook."""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..enums import ConsumerKind, Scope


def new_webhook_secret() -> str:
    return secrets.token_urlsafe(32)


class Consumer(models.Model):
    name = models.CharField(_("name"), max_length=255, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=ConsumerKind.choices)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("service account"),
        null=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="api_consumer",
        help_text=_("The account its API tokens belong to."),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("agency (for write access)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("With write access, the integration uploads and edits for this agency only."),
    )
    can_read_embargoed = models.BooleanField(_("may read embargoed items"), default=False)
    embargo_agencies = models.ManyToManyField(
        "agencies.Agency",
        verbose_name=_("agencies whose embargoed items it may read"),
        blank=True,
        related_name="+",
    )
    can_write = models.BooleanField(_("may write"), default=False)
    may_publish = models.BooleanField(
        _("may publish"),
        default=False,
        help_text=_("Its account joins the agency's moderators instead of its editors."),
    )
    rate_limit_per_minute = models.PositiveIntegerField(_("requests per minute"), default=600)
    webhook_url = models.URLField(_("webhook URL"), blank=True, max_length=500)
    webhook_secret = models.CharField(
        _("webhook secret"), max_length=64, default=new_webhook_secret, editable=False
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("API consumer")
        verbose_name_plural = _("API consumers")

    def __str__(self) -> str:
        return self.name

    @property
    def scopes(self) -> list[str]:
        granted = [Scope.READ]
        if self.can_read_embargoed:
            granted.append(Scope.READ_EMBARGOED)
        if self.can_write and self.agency_id:
            granted.append(Scope.WRITE)
        return [str(scope) for scope in granted]
