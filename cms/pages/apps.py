from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "cms.pages"
    label = "pages"
    verbose_name = _("Hub pages")

    def ready(self) -> None:
        from .signal_handlers import register_signal_handlers

        register_signal_handlers()
