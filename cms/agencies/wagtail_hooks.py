from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Agency


class AgencyViewSet(SnippetViewSet):
    model = Agency
    icon = "group"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "code", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["name", "name_en", "code"]
    panels = [
        FieldPanel("name"),
        FieldPanel("name_en"),
        FieldPanel("code"),
        FieldPanel("kind"),
        FieldPanel("parent"),
        FieldPanel("portal_url"),
        MultiFieldPanel(
            [
                FieldPanel("default_credit_line"),
                FieldPanel("default_copyright_holder"),
                FieldPanel("default_licence"),
            ],
            heading=_("Rights of new uploads"),
        ),
    ]


register_snippet(AgencyViewSet)
