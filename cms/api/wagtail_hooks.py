"""The API in the admin: consumers (with their tokens), the webhook delivery log, the reuse
report."""

from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views
from .admin_endpoints import register_checked_endpoints
from .models import Consumer, WebhookDelivery


class TokensColumn(Column):
    def get_value(self, instance):
        url = reverse("api_consumer_tokens", args=[instance.pk])
        return format_html('<a href="{}">{}</a>', url, _("Tokens"))


class ConsumerViewSet(SnippetViewSet):
    model = Consumer
    icon = "key"
    menu_label = _("API consumers")
    menu_order = 900
    add_to_settings_menu = True
    list_display = ["name", "kind", "is_active", "rate_limit_per_minute", TokensColumn("tokens")]
    list_filter = ["kind", "is_active"]
    search_fields = ["name", "contact_email"]


class WebhookDeliveryViewSet(SnippetViewSet):
    model = WebhookDelivery
    icon = "resubmit"
    menu_label = _("Webhook deliveries")
    menu_order = 910
    add_to_settings_menu = True
    inspect_view_enabled = True
    list_display = [
        "event",
        "key",
        "consumer",
        "status",
        "attempts",
        "response_status",
        "created_at",
    ]
    list_filter = ["status", "event"]


register_snippet(ConsumerViewSet)
register_snippet(WebhookDeliveryViewSet)


@hooks.register("register_admin_urls")
def api_admin_urls():
    return [
        path(
            "api-consumers/<int:pk>/tokens/",
            admin_views.consumer_tokens,
            name="api_consumer_tokens",
        ),
        path("api-reuse/", admin_views.reuse_report, name="api_reuse_report"),
    ]


@hooks.register("register_reports_menu_item")
def reuse_report_menu_item():
    return MenuItem(_("Reuse through the API"), reverse("api_reuse_report"), icon_name="doc-full")


# After Wagtail's own hooks (order 0), which register the unchecked, unfiltered endpoints.
@hooks.register("construct_admin_api", order=100)
def checked_admin_api(router):
    register_checked_endpoints(router)
