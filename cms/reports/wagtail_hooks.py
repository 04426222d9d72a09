"""Reports menu: the duplicates report, for administrators and agency moderators."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import AdminOnlyMenuItem

from .views import duplicates_report


@hooks.register("register_admin_urls")
def report_urls():
    return [path("reports/duplicates/", duplicates_report, name="reports_duplicates")]


@hooks.register("register_reports_menu_item")
def duplicates_menu_item():
    return AdminOnlyMenuItem(
        _("Duplicates"), reverse("reports_duplicates"), icon_name="copy", order=900
    )
