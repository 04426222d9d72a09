from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssetsConfig(AppConfig):
    name = "assets"
    verbose_name = _("Media assets")

    def ready(self) -> None:
        from . import signal_handlers

        signal_handlers.connect()
