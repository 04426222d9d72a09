"""Admin: the duplicate check in Wagtail's multiple image upload, and the decision endpoint."""

from django.templatetags.static import static
from django.urls import path
from django.utils.html import format_html
from wagtail import hooks

from .duplicates.admin_views import (
    CheckedImagesAddView,
    decide_in_admin,
    duplicates_of_upload,
)


# Registered before Wagtail's own image URLs, so this path is served by the checked view.
@hooks.register("register_admin_urls", order=-10)
def duplicate_check_urls():
    return [
        path(
            "images/multiple/add/",
            CheckedImagesAddView.as_view(),
            name="duplicates_images_add_multiple",
        ),
        path("duplicates/decide/", decide_in_admin, name="duplicates_admin_decide"),
        path(
            "duplicates/uploads/<str:asset_type>/<int:pk>/",
            duplicates_of_upload,
            name="duplicates_of_upload",
        ),
    ]


@hooks.register("insert_global_admin_js")
def duplicate_decisions_js():
    return format_html('<script src="{}"></script>', static("search/duplicate-decisions.js"))
