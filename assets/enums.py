from django.db import models
from django.utils.translation import gettext_lazy as _


class ImageKind(models.TextChoices):
    PHOTO = "photo", _("Photo")
    INFOGRAPHIC = "infographic", _("Infographic")
    ILLUSTRATION = "illustration", _("Illustration")
    POSTER = "poster", _("Poster")


class DocumentKind(models.TextChoices):
    PDF = "pdf", _("Document (PDF)")
    SLIDES = "slides", _("Slides")
    EHANDBOOK = "ehandbook", _("E-handbook")
    PUBLICATION = "publication", _("Publication")
    GUIDANCE = "guidance", _("Guidance document")
    NEWSLETTER = "newsletter", _("E-newsletter")


class MediaKind(models.TextChoices):
    VIDEO = "video", _("Video")
    MOTION_GRAPHIC = "motion", _("Motion graphic")
    CLIP = "clip", _("Short clip")
    PODCAST = "podcast", _("Podcast")
    AUDIO = "audio", _("Audio")


class Language(models.TextChoices):
    VIETNAMESE = "vi", _("Vietnamese")
    ENGLISH = "en", _("English")
    FRENCH = "fr", _("French")
    CHINESE = "zh", _("Chinese")
    KOREAN = "ko", _("Korean")
    JAPANESE = "ja", _("Japanese")
    OTHER = "other", _("Other")
