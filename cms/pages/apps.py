from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "cms.pages"
    label = "pages"
    verbose_name = _("Hub pages")

    def ready(self) -> None:
        from cms.agencies.signals import agency_provisioned

        from .sections import provide_section
        from .slugs import use_folded_slug_input

        agency_provisioned.connect(provide_section, dispatch_uid="pages_agency_section")
        use_folded_slug_input()
