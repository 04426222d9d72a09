from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssetsConfig(AppConfig):
    name = "assets"
    verbose_name = _("Media assets")

    def ready(self) -> None:
        from config.periodic import register

        from . import signal_handlers  # noqa: F401
        from .tus.cleanup import remove_expired_uploads_task

        register("assets.remove_expired_uploads", remove_expired_uploads_task, every=3600)
