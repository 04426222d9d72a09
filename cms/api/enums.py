from django.db import models
from django.utils.translation import gettext_lazy as _


class ConsumerKind(models.TextChoices):
    PRESS = "press", _("Press agency")
    PORTAL = "portal", _("Portal or website")
    DATABASE = "database", _("National or specialised database")
    INTEGRATION = "integration", _("An agency's own integration")


class Scope(models.TextChoices):
    READ = "read", _("Read public items")
    READ_EMBARGOED = "read:embargoed", _("Read embargoed items of named agencies")
    WRITE = "write", _("Write for its own agency")


class ChangeReason(models.TextChoices):
    DELETED = "deleted", _("Deleted")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    LICENCE_EXPIRED = "licence_expired", _("Licence expired")


class WebhookEvent(models.TextChoices):
    REPLACED = "asset.replaced", _("File replaced")
    CORRECTED = "asset.corrected", _("Metadata corrected")
    WITHDRAWN = "asset.withdrawn", _("Withdrawn")
    LICENCE_EXPIRED = "asset.licence_expired", _("Licence expired")
    DELETED = "asset.deleted", _("Deleted")


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    DELIVERED = "delivered", _("Delivered")
    FAILED = "failed", _("Failed")


class FetchKind(models.TextChoices):
    ITEM = "item", _("Metadata")
    ORIGINAL = "original", _("Original file")
    RENDITION = "rendition", _("Rendition")
