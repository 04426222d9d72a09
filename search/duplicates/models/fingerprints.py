"""Stored fingerprints: what an asset (or an article) looks, sounds or reads like.

One row per index key and modality: a video has its frames, a PDF its text; an article has its
text. Rows are keyed by the search key ("image:12", "article:7") so the duplicate matcher can
verify the candidates that the search index returns without knowing the asset models.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..enums import ModalityName


class AssetFingerprint(models.Model):
    key = models.CharField(_("index key"), max_length=64, db_index=True)
    modality = models.CharField(_("modality"), max_length=10, choices=ModalityName.choices)
    content_hash = models.CharField(
        _("content hash"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_("Hash of the pixels, streams or text, whatever the embedded metadata says."),
    )
    data = models.JSONField(_("fingerprint"))
    terms = models.JSONField(_("index terms"), default=list)
    version = models.PositiveSmallIntegerField(_("algorithm version"), default=1)
    created_at = models.DateTimeField(_("computed at"), auto_now=True)
    # Until the search index holds its terms, a fingerprint is a candidate of every check of its
    # modality: two agencies uploading the same file minutes apart must still meet.
    awaiting_index = models.BooleanField(_("awaiting the search index"), default=True)

    class Meta:
        db_table = "assets_assetfingerprint"  # created by the assets app, before this app
        verbose_name = _("fingerprint")
        verbose_name_plural = _("fingerprints")
        constraints = [
            models.UniqueConstraint(fields=["key", "modality"], name="one_fingerprint_per_modality")
        ]
        indexes = [
            models.Index(
                fields=["modality"],
                condition=models.Q(awaiting_index=True),
                name="fingerprint_awaiting_index",
            )
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.modality})"
