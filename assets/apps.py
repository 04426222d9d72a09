from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssetsConfig(AppConfig):
    name = "assets"
    verbose_name = _("Media assets")

    def ready(self) -> None:
        from config.periodic import register

        from . import checks, signal_handlers  # noqa: F401 (checks register themselves)
        from .chooser_filters import add_asset_filters_to_choosers
        from .chooser_labels import translate_chooser_labels_when_shown
        from .isolation import preload
        from .permissions import register_asset_permission_policies
        from .tus.cleanup import remove_expired_uploads_task

        # The upload checks' decoders are imported once in the isolation fork server, not per call.
        preload("assets.validation.decoding")
        signal_handlers.connect()
        translate_chooser_labels_when_shown()
        add_asset_filters_to_choosers()
        register_asset_permission_policies()
        register("assets.remove_expired_uploads", remove_expired_uploads_task, every=3600)
