from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "cms.api"
    label = "cms_api"
    verbose_name = _("Headless API")

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401
