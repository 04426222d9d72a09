from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Audience, Campaign, LegalDocument, Licence, Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name_vi", "name_en", "parent"]
    search_fields = ["name_vi", "name_en"]


class AudienceViewSet(SnippetViewSet):
    model = Audience
    icon = "group"
    list_display = ["name_vi", "name_en"]


class CampaignViewSet(SnippetViewSet):
    model = Campaign
    icon = "date"
    list_display = ["name_vi", "starts_on", "ends_on", "recurs_yearly"]


class LicenceViewSet(SnippetViewSet):
    model = Licence
    icon = "doc-full"
    list_display = ["code", "name_vi", "allows_commercial_use", "allows_derivatives"]


class LegalDocumentViewSet(SnippetViewSet):
    model = LegalDocument
    icon = "doc-full-inverse"
    list_display = ["number", "title_vi", "issued_on"]
    search_fields = ["number", "title_vi", "title_en"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomies")
    menu_icon = "folder-open-inverse"
    menu_order = 210
    items = (
        TopicViewSet,
        AudienceViewSet,
        CampaignViewSet,
        LicenceViewSet,
        LegalDocumentViewSet,
    )


register_snippet(TaxonomyViewSetGroup)
