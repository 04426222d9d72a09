"""Admin: the duplicate check in Wagtail's uploaders and add forms, and the decision endpoint."""

from django.templatetags.static import static
from django.urls import path, re_path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.documents.views.chooser import viewset as document_chooser_viewset
from wagtail.images.views.chooser import viewset as image_chooser_viewset

from .duplicates.admin_views import (
    CheckedDocumentChooserUploadView,
    CheckedDocumentCreateView,
    CheckedDocumentsAddView,
    CheckedImageChooserUploadView,
    CheckedImageCreateView,
    CheckedImagesAddView,
    checked_media_add,
    decide_in_admin,
    duplicates_of_upload,
    review_upload,
)


# Registered before Wagtail's own URLs, so these paths are served by the checked views; the
# permission checks stay those of the views they extend.
@hooks.register("register_admin_urls", order=-10)
def duplicate_check_urls():
    return [
        path(
            "images/multiple/add/",
            CheckedImagesAddView.as_view(),
            name="duplicates_images_add_multiple",
        ),
        path("images/add/", CheckedImageCreateView.as_view(), name="duplicates_image_add"),
        path(
            "images/chooser/create/",
            image_chooser_viewset.construct_view(CheckedImageChooserUploadView),
            name="duplicates_image_chooser_upload",
        ),
        path(
            "documents/multiple/add/",
            CheckedDocumentsAddView.as_view(),
            name="duplicates_documents_add_multiple",
        ),
        path("documents/add/", CheckedDocumentCreateView.as_view(), name="duplicates_document_add"),
        path(
            "documents/chooser/create/",
            document_chooser_viewset.construct_view(CheckedDocumentChooserUploadView),
            name="duplicates_document_chooser_upload",
        ),
        re_path(
            r"^media/(?P<media_type>audio|video|media)/add/$",
            checked_media_add,
            name="duplicates_media_add",
        ),
        path("duplicates/decide/", decide_in_admin, name="duplicates_admin_decide"),
        path(
            "duplicates/uploads/<str:asset_type>/<int:pk>/",
            duplicates_of_upload,
            name="duplicates_of_upload",
        ),
        path(
            "duplicates/uploads/<str:asset_type>/<int:pk>/review/",
            review_upload,
            name="duplicates_review_upload",
        ),
    ]


@hooks.register("insert_global_admin_js")
def duplicate_decisions_js():
    return format_html(
        '<script src="{}"></script><script src="{}"></script>',
        static("search/duplicate-decisions.js"),
        static("search/chooser-duplicates.js"),
    )
