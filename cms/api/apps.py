from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "cms.api"
    label = "cms_api"
    verbose_name = _("Headless API")

    def ready(self) -> None:
        from config.periodic import register

        from . import signal_handlers  # noqa: F401
        from .tasks import flush_reuse_counts, mark_expired_licences, retry_due_webhooks

        register("api.flush_reuse_counts", flush_reuse_counts, every=300)
        register("api.retry_due_webhooks", retry_due_webhooks, every=60)
        register("api.mark_expired_licences", mark_expired_licences, every=24 * 3600)
