from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from . import admin_urls
from .panels import JobsMenuItem, notifications_panel


@hooks.register("register_admin_urls")
def register_transcoding_urls():
    return [path("transcoding/", include(admin_urls))]


@hooks.register("register_admin_menu_item")
def register_transcoding_menu_item():
    return JobsMenuItem(
        _("Transcoding"), reverse("transcoding:index"), icon_name="media", order=320
    )


@hooks.register("construct_homepage_panels")
def add_notifications_panel(request, panels):
    panel = notifications_panel(request)
    if panel is not None:
        panels.append(panel)
