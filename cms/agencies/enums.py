from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministry or ministry-level agency")
    PROVINCE = "province", _("Provincial People's Committee")
    DEPARTMENT = "department", _("Department")
    COMMUNE = "commune", _("Commune or ward committee")
    PRESS = "press", _("Press agency")
    UNIVERSITY = "university", _("University or school")
    RESEARCH = "research", _("Research organisation")
    ENTERPRISE = "enterprise", _("Enterprise")
    REPRESENTATIVE_ABROAD = "abroad", _("Representative office abroad")


class AgencyRole(models.TextChoices):
    EDITOR = "editors", _("Editors")
    MODERATOR = "moderators", _("Moderators")
