"""Agencies are the tenants of the library: each owns a collection, a section and two groups."""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection

from .enums import AgencyKind


class Agency(models.Model):
    name = models.CharField(_("name"), max_length=255, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    code = models.SlugField(
        _("short code"),
        max_length=30,
        unique=True,
        help_text=_("Short, unique, lower case: for example bo-khcn or dong-nai."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AgencyKind.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent agency"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    portal_url = models.URLField(_("portal URL"), blank=True)
    collection = models.OneToOneField(
        Collection,
        verbose_name=_("collection"),
        null=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="agency",
    )
    editors = models.OneToOneField(
        Group, null=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    moderators = models.OneToOneField(
        Group, null=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    # What every upload of the agency starts with (assets.rights.apply_agency_defaults).
    default_credit_line = models.CharField(
        _("default credit line"),
        max_length=255,
        blank=True,
        help_text=_("Filled in on every new upload, for example “Ảnh: Bộ KH&CN”."),
    )
    default_copyright_holder = models.CharField(
        _("default copyright holder"), max_length=255, blank=True
    )
    default_licence = models.ForeignKey(
        "taxonomy.Licence",
        verbose_name=_("default licence"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The licence every new upload starts with; editors may change it."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name

    @property
    def localized_name(self) -> str:
        """The English name on English pages when there is one."""
        if (get_language() or "vi").startswith("en") and self.name_en:
            return self.name_en
        return self.name
