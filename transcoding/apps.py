from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranscodingConfig(AppConfig):
    name = "transcoding"
    verbose_name = _("Transcoding")

    def ready(self) -> None:
        from config.periodic import register

        from . import signal_handlers
        from .recovery import recover_transcoding_jobs

        signal_handlers.connect()
        register("transcoding.recover_jobs", recover_transcoding_jobs, every=60)
