from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtailmedia.models import AbstractMedia

from ..enums import MediaKind
from ..kinds import MEDIA
from ..storage_keys import original_upload_to
from ..validation.captions import validate_webvtt
from .metadata import SHARED_FORM_FIELDS, AssetMetadata, with_filterable_tags


class MediaAsset(AssetMetadata, AbstractMedia):
    """Video and audio: videos, motion graphics, clips, podcasts and other audio."""

    file = models.FileField(_("file"), upload_to=original_upload_to, max_length=255)

    kind = models.CharField(
        _("kind"), max_length=20, choices=MediaKind.choices, default=MediaKind.VIDEO
    )
    video_codec = models.CharField(_("video codec"), max_length=50, blank=True, editable=False)
    audio_codec = models.CharField(_("audio codec"), max_length=50, blank=True, editable=False)
    frame_rate = models.FloatField(_("frame rate"), null=True, editable=False)
    rotation = models.IntegerField(_("rotation"), default=0, editable=False)
    audio_channels = models.PositiveSmallIntegerField(
        _("audio channels"), null=True, editable=False
    )
    bit_rate = models.PositiveBigIntegerField(_("bit rate"), null=True, editable=False)
    captions = models.TextField(
        _("captions (Vietnamese, WebVTT)"),
        blank=True,
        validators=[validate_webvtt],
        help_text=_(
            "Subtitles for deaf and hard-of-hearing viewers, in WebVTT (starts with WEBVTT)."
        ),
    )
    captions_en = models.TextField(
        _("captions (English, WebVTT)"), blank=True, validators=[validate_webvtt]
    )

    upload_families = MEDIA.upload_families
    admin_form_fields = ("title", "file", "collection", "thumbnail", "tags", "kind")
    admin_form_fields += SHARED_FORM_FIELDS + ("captions", "captions_en")
    search_fields = with_filterable_tags(
        AbstractMedia.search_fields + AssetMetadata.metadata_search_fields
    )

    class Meta(AbstractMedia.Meta):
        verbose_name = _("video or audio")
        verbose_name_plural = _("video and audio")
