from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .browse import library
from .views import ask_for_asset, received_requests


@hooks.register("register_admin_urls")
def library_request_urls():
    return [
        path("library/", library, name="library_browse"),
        path("library/ask/", ask_for_asset, name="library_ask"),
        path("library/requests/", received_requests, name="library_requests"),
    ]


@hooks.register("register_reports_menu_item")
def requests_menu_item():
    return MenuItem(
        _("Requests for assets"), reverse("library_requests"), icon_name="mail", order=910
    )


@hooks.register("register_admin_menu_item")
def library_menu_item():
    return MenuItem(
        _("Library"), reverse("library_browse"), icon_name="folder-open-inverse", order=150
    )
