from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    label = "library_search"
    verbose_name = _("Library search")

    def ready(self) -> None:
        from config.periodic import register

        from . import checks, signal_handlers  # noqa: F401 (checks register themselves)
        from .tasks import reconcile_index, replay_pending_updates

        signal_handlers.connect()
        register("search.replay_pending", replay_pending_updates, every=60)
        register("search.reconcile", reconcile_index, every=6 * 3600)
