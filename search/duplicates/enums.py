from django.db import models
from django.utils.translation import gettext_lazy as _


class Decision(models.TextChoices):
    REUSE = "reuse", _("reuse the existing asset")
    NEW_VERSION = "new_version", _("new version of the existing asset")
    NOT_DUPLICATE = "not_duplicate", _("not a duplicate")
    CITE = "cite", _("cite the existing text")  # articles: published, crediting the original


# An upload may reuse, be a new version of, or not be a copy; an article may reuse, cite, or not.
ASSET_DECISIONS = (Decision.REUSE, Decision.NEW_VERSION, Decision.NOT_DUPLICATE)
ARTICLE_DECISIONS = (Decision.REUSE, Decision.CITE, Decision.NOT_DUPLICATE)


class ModalityName(models.TextChoices):
    IMAGE = "image", _("image")
    VIDEO = "video", _("video")
    AUDIO = "audio", _("audio")
    TEXT = "text", _("text")


class Relation(models.TextChoices):
    """How a member of a duplicate group relates to the group's canonical asset."""

    ORIGINAL = "original", _("original")
    COPY = "copy", _("copy")
    VERSION = "version", _("version")


class CheckState(models.TextChoices):
    """How far the duplicate check of an asset or article has got."""

    CHECKING = "checking", _("checking for copies")
    CHECKED = "checked", _("checked")
    NOT_CHECKED = "not_checked", _("not checked")
