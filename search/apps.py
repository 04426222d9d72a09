from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "library_search"
    verbose_name = _("Library search")

    def ready(self) -> None:
        from . import checks, signal_handlers  # noqa: F401 (checks register themselves)

        signal_handlers.connect()
