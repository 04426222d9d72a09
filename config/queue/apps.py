from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QueueConfig(AppConfig):
    """The background worker both profiles run (`manage.py worker`)."""

    name = "config.queue"
    label = "ncrl_queue"
    verbose_name = _("Background worker")
