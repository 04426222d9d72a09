from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import admin_urls


@hooks.register("register_admin_urls")
def register_transcoding_urls():
    return [path("transcoding/", include(admin_urls))]


@hooks.register("register_admin_menu_item")
def register_transcoding_menu_item():
    return MenuItem(_("Transcoding"), reverse("transcoding:index"), icon_name="media", order=320)
