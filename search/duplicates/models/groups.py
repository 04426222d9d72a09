"""Groups of assets that are one work: the hub shows the canonical one and credits every agency."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..enums import Relation


class DuplicateGroup(models.Model):
    """Assets that are the same work; the hub shows the canonical one and credits every agency."""

    canonical_key = models.CharField(_("canonical asset"), max_length=64)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        db_table = "assets_duplicategroup"
        verbose_name = _("duplicate group")
        verbose_name_plural = _("duplicate groups")

    def __str__(self) -> str:
        return self.canonical_key


class DuplicateMember(models.Model):
    group = models.ForeignKey(DuplicateGroup, on_delete=models.CASCADE, related_name="members")
    key = models.CharField(_("asset"), max_length=64, unique=True)
    agency = models.ForeignKey(
        "agencies.Agency", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    relation = models.CharField(
        _("relation"),
        max_length=20,
        choices=Relation.choices,
        default=Relation.COPY,
    )
    byte_size = models.PositiveBigIntegerField(_("size in bytes"), null=True)
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        db_table = "assets_duplicatemember"
        verbose_name = _("duplicate group member")
        verbose_name_plural = _("duplicate group members")

    def __str__(self) -> str:
        return self.key
