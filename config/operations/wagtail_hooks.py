from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from .admin_views import queues_report


@hooks.register("register_admin_urls")
def operations_urls():
    return [path("reports/queues/", queues_report, name="reports_queues")]


@hooks.register("register_reports_menu_item")
def queues_menu_item():
    return AdminOnlyMenuItem(
        _("Background queues"), reverse("reports_queues"), icon_name="cogs", order=950
    )
