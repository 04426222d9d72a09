"""Topics, audiences, campaigns, licences and the legal documents an asset communicates."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from .labels import BilingualName


class Topic(BilingualName):
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent topic"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    class Meta:
        ordering = ["name_vi"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def ancestors(self) -> list["Topic"]:
        chain, node = [], self.parent
        while node is not None and node not in chain:
            chain.append(node)
            node = node.parent
        return chain


class Audience(BilingualName):
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    class Meta:
        ordering = ["name_vi"]
        verbose_name = _("audience")
        verbose_name_plural = _("audiences")


class Campaign(BilingualName):
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    recurs_yearly = models.BooleanField(
        _("recurs every year"),
        default=False,
        help_text=_("For yearly days such as Vietnam Science and Technology Day (18 May)."),
    )

    class Meta:
        ordering = ["starts_on", "name_vi"]
        verbose_name = _("campaign or event")
        verbose_name_plural = _("campaigns and events")


class Licence(BilingualName):
    code = models.CharField(_("code"), max_length=50, unique=True)
    url = models.URLField(_("URL"), blank=True)
    allows_redistribution = models.BooleanField(
        _("allows sharing copies"),
        default=True,
        help_text=_("Anyone may download and pass on copies (with the credit line)."),
    )
    allows_commercial_use = models.BooleanField(_("allows commercial reuse"), default=False)
    allows_derivatives = models.BooleanField(_("allows derivatives"), default=False)
    credit_line_template = models.CharField(
        _("credit line template"),
        max_length=255,
        default="{creator} / {agency} ({licence})",
        help_text=_("Placeholders: {creator}, {agency}, {licence}, {year}."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("licence")
        verbose_name_plural = _("licences")

    def __str__(self) -> str:
        return f"{self.code} — {self.name}"

    @property
    def label(self) -> str:
        """What the public reads: a public licence's well-known code (CC-BY-4.0), or the name
        of an agency's own terms."""
        return self.code if self.url else self.name

    def credit_line(self, *, creator: str, agency: str, year: int | str = "") -> str:
        values = {
            "creator": creator,
            "agency": agency,
            "licence": self.code,
            "year": year,
        }
        text = self.credit_line_template.format_map(values)
        text = re.sub(r"\(\s*\)", "", text)  # a placeholder left empty: no "()"
        text = re.sub(r"\s*/\s*(?:/\s*)+", " / ", text)
        return text.strip().strip("/").strip()


class LegalDocument(models.Model):
    number = models.CharField(
        _("number"),
        max_length=50,
        unique=True,
        help_text=_("For example 57-NQ/TW or 1169/QĐ-TTg."),
    )
    title_vi = models.CharField(_("title (Vietnamese)"), max_length=500)
    title_en = models.CharField(_("title (English)"), max_length=500, blank=True)
    issued_on = models.DateField(_("issued on"), null=True, blank=True)
    url = models.URLField(_("URL"), blank=True)

    class Meta:
        ordering = ["-issued_on", "number"]
        verbose_name = _("legal document")
        verbose_name_plural = _("legal documents")

    def __str__(self) -> str:
        return self.number
