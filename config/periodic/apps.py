from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeriodicConfig(AppConfig):
    name = "config.periodic"
    label = "periodic"
    verbose_name = _("Periodic maintenance")
    default_auto_field = "django.db.models.BigAutoField"
