from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssetsConfig(AppConfig):
    name = "assets"
    verbose_name = _("Media assets")

    def ready(self) -> None:
        from . import signal_handlers
        from .permissions import register_asset_permission_policies

        signal_handlers.connect()
        register_asset_permission_policies()
