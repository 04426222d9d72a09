"""Choosers offer every agency's published assets plus the editor's own; serving checks access."""

from django.http import Http404
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks

from .models import MediaAsset
from .visibility import can_see, visible_to


@hooks.register("construct_image_chooser_queryset")
def reusable_images(images, request):
    return visible_to(images, request.user).select_related("agency", "licence")


@hooks.register("construct_document_chooser_queryset")
def reusable_documents(documents, request):
    return visible_to(documents, request.user).select_related("agency", "licence")


@hooks.register("construct_media_chooser_queryset")
def reusable_media(media, request):
    # wagtailmedia lists only media the user may edit; reuse needs every published item too.
    return visible_to(MediaAsset.objects.all(), request.user).select_related("agency", "licence")


@hooks.register("construct_page_chooser_queryset")
def visible_pages(pages, request):
    return visible_to(pages, request.user)


@hooks.register("before_serve_document")
def refuse_hidden_documents(document, request):
    if not can_see(document, request.user):
        raise Http404


# --- Resumable uploads (tus): the admin uploader page and its menu item ---
from django.urls import path, reverse  # noqa: E402
from django.utils.translation import gettext_lazy as _  # noqa: E402
from wagtail.admin.menu import MenuItem  # noqa: E402

from .choosers import media_chosen  # noqa: E402
from .library.views import library_urls  # noqa: E402
from .tus.admin_views import uploader  # noqa: E402


@hooks.register("register_admin_urls")
def resumable_uploader_urls():
    return [path("large-uploads/", uploader, name="assets_large_uploads")]


@hooks.register("register_admin_urls")
def library_asset_urls():
    return library_urls()


# Before wagtailmedia's own URLs (order 0): the same path answers through the visibility rule.
@hooks.register("register_admin_urls", order=-10)
def reusable_media_chosen_url():
    return [path("media/chooser/<int:media_id>/", media_chosen, name="reusable_media_chosen")]


@hooks.register("register_admin_menu_item")
def resumable_uploader_menu_item():
    return MenuItem(
        _("Large uploads"), reverse("assets_large_uploads"), icon_name="upload", order=310
    )


@hooks.register("insert_global_admin_js")
def searchable_choices_js():
    # On every admin page: the multiple uploaders insert asset forms after the page has loaded.
    return format_html('<script src="{}"></script>', static("assets/searchable-choices.js"))
