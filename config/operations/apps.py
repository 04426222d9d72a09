from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """What an operator needs from the running library: health probes, configuration checks,
    request ids in every log line (web and tasks), the shared page cache, queue figures."""

    name = "config.operations"
    label = "ncrl_operations"
    verbose_name = _("Operations")

    def ready(self) -> None:
        from config.periodic import register

        from . import checks, page_cache, request_id  # noqa: F401 (registers checks)
        from .outbox import drain_outbox_task

        request_id.connect_task_signals()
        page_cache.connect_invalidation()
        # Tasks written to the database while Redis was down go to RQ once it answers.
        register("operations.drain_outbox", drain_outbox_task, every=10)
