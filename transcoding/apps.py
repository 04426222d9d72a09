from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranscodingConfig(AppConfig):
    name = "transcoding"
    verbose_name = _("Transcoding")

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401
