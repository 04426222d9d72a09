"""The evidence of a duplicate check, kept on the server: who asked, about which file, and what it
matched. A decision must name a match of a check of its own caller's, so nobody can declare a
"new version" of an asset no check ever matched; a match the caller may not see is named by a
random reference that means nothing outside this table."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..enums import CheckState

CHECK_LIFETIME = timedelta(hours=24)  # time to upload a checked file and decide about it


def new_token() -> str:
    return secrets.token_urlsafe(24)


def check_expiry():
    return timezone.now() + CHECK_LIFETIME


class DuplicateCheck(models.Model):
    token = models.CharField(_("check id"), max_length=64, unique=True, default=new_token)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    asset_key = models.CharField(
        _("checked asset"),
        max_length=64,
        blank=True,
        help_text=_("The stored upload that was checked; empty for a file checked before upload."),
    )
    sha256 = models.CharField(_("SHA-256 of the checked file"), max_length=64, blank=True)
    # A checked file whose near copies are found in the background waits in storage meanwhile.
    state = models.CharField(
        _("state"), max_length=20, choices=CheckState.choices, default=CheckState.CHECKED
    )
    progress = models.FloatField(_("progress"), default=1.0)
    staged_name = models.CharField(_("file waiting for the check"), max_length=255, blank=True)
    family = models.CharField(_("kind of file"), max_length=20, blank=True)
    demuxer = models.CharField(_("media format"), max_length=20, blank=True)
    created_at = models.DateTimeField(_("checked at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"), default=check_expiry, db_index=True)

    class Meta:
        verbose_name = _("duplicate check")
        verbose_name_plural = _("duplicate checks")

    def __str__(self) -> str:
        return self.asset_key or self.sha256 or self.token

    def is_about(self, key: str, sha256: str) -> bool:
        """Was this check about the asset `key`: the stored upload itself, or the same bytes?"""
        return bool(
            (self.asset_key and self.asset_key == key) or (self.sha256 and self.sha256 == sha256)
        )


class CheckedMatch(models.Model):
    duplicate_check = models.ForeignKey(
        DuplicateCheck, on_delete=models.CASCADE, related_name="matches"
    )
    key = models.CharField(_("matched asset"), max_length=64, db_index=True)
    reference = models.CharField(_("reference"), max_length=64, unique=True, default=new_token)
    evidence = models.JSONField(_("why it matched"), default=dict)

    class Meta:
        verbose_name = _("checked match")
        verbose_name_plural = _("checked matches")

    def __str__(self) -> str:
        return self.key
