from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgenciesConfig(AppConfig):
    name = "cms.agencies"
    label = "agencies"
    verbose_name = _("Agencies")

    def ready(self) -> None:
        from . import signal_handlers  # noqa: F401
