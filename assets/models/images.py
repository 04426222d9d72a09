from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from ..enums import ImageKind
from ..kinds import IMAGE
from ..storage_keys import original_upload_to
from .metadata import SHARED_FORM_FIELDS, AssetMetadata, with_filterable_tags


class ImageAsset(AssetMetadata, AbstractImage):
    kind = models.CharField(
        _("kind"), max_length=20, choices=ImageKind.choices, default=ImageKind.PHOTO
    )
    captured_at = models.DateTimeField(_("date taken"), null=True, blank=True)
    alt_text = models.CharField(
        _("alternative text (Vietnamese)"),
        max_length=400,
        blank=True,
        help_text=_(
            "What the picture shows or says, for readers who cannot see it; required to publish."
        ),
    )  # required to publish by assets.rights, with the licence and the credit line
    alt_text_en = models.CharField(_("alternative text (English)"), max_length=400, blank=True)

    upload_families = IMAGE.upload_families
    admin_form_fields = (
        Image.admin_form_fields + ("kind", "captured_at", "alt_text", "alt_text_en")
    ) + SHARED_FORM_FIELDS
    search_fields = with_filterable_tags(
        AbstractImage.search_fields + AssetMetadata.metadata_search_fields
    )

    @property
    def default_alt_text(self) -> str:
        return self.alt_text or self.title

    def get_upload_to(self, filename: str) -> str:
        return original_upload_to(self, filename)

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class ImageAssetRendition(AbstractRendition):
    image = models.ForeignKey(ImageAsset, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
