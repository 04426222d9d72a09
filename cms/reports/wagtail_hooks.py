"""Reports menu: the duplicates report, for every admin user (each sees what they may see)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import duplicates_report


@hooks.register("register_admin_urls")
def report_urls():
    return [path("reports/duplicates/", duplicates_report, name="reports_duplicates")]


@hooks.register("register_reports_menu_item")
def duplicates_menu_item():
    return MenuItem(_("Duplicates"), reverse("reports_duplicates"), icon_name="copy", order=900)
