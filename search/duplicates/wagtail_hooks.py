"""Admin: the duplicate check in Wagtail's uploaders and add forms, and the decision endpoint."""

from django.templatetags.static import static
from django.urls import path, re_path
from django.utils.html import format_html
from wagtail import hooks
from wagtail.documents.views.chooser import viewset as document_chooser_viewset
from wagtail.images.views.chooser import viewset as image_chooser_viewset

from .admin.articles import (
    decide_article,
    hold_publication_of_copies,
    review_article,
    warn_about_copies,
)
from .admin.check_again import check_again_in_admin
from .admin.choosers import CheckedDocumentChooserUploadView, CheckedImageChooserUploadView
from .admin.decide import decide_in_admin
from .admin.listings import CheckedDocumentsIndexView, CheckedImagesIndexView
from .admin.review import duplicates_of_upload, review_upload
from .admin.single_forms import (
    CheckedDocumentCreateView,
    CheckedImageCreateView,
    checked_media_add,
)
from .admin.uploaders import CheckedDocumentsAddView, CheckedImagesAddView


def checked_upload_urls(
    prefix, multiple_view, single_view, chooser_viewset, chooser_view, index_view
):
    """The listing, the multiple uploader, the single add form and the chooser's upload tab of
    one of Wagtail's asset apps, at Wagtail's own paths."""
    return [
        path(f"{prefix}/", index_view.as_view(), name=f"checked_{prefix}_index"),
        path(
            f"{prefix}/results/",
            index_view.as_view(results_only=True),
            name=f"checked_{prefix}_index_results",
        ),
        path(
            f"{prefix}/multiple/add/",
            multiple_view.as_view(),
            name=f"checked_{prefix}_add_multiple",
        ),
        path(f"{prefix}/add/", single_view.as_view(), name=f"checked_{prefix}_add"),
        path(
            f"{prefix}/chooser/create/",
            chooser_viewset.construct_view(chooser_view),
            name=f"checked_{prefix}_chooser_upload",
        ),
    ]


# Registered before Wagtail's own URLs, so these paths are served by the checked views; the
# permission checks stay those of the views they extend.
@hooks.register("register_admin_urls", order=-10)
def duplicate_check_urls():
    return [
        *checked_upload_urls(
            "images",
            CheckedImagesAddView,
            CheckedImageCreateView,
            image_chooser_viewset,
            CheckedImageChooserUploadView,
            CheckedImagesIndexView,
        ),
        *checked_upload_urls(
            "documents",
            CheckedDocumentsAddView,
            CheckedDocumentCreateView,
            document_chooser_viewset,
            CheckedDocumentChooserUploadView,
            CheckedDocumentsIndexView,
        ),
        re_path(
            r"^media/(?P<media_type>audio|video|media)/add/$",
            checked_media_add,
            name="checked_media_add",
        ),
        path("duplicates/decide/", decide_in_admin, name="duplicates_admin_decide"),
        path("duplicates/check-again/", check_again_in_admin, name="duplicates_check_again"),
        path(
            "duplicates/articles/<int:page_id>/", review_article, name="duplicates_review_article"
        ),
        path(
            "duplicates/articles/<int:page_id>/decide/",
            decide_article,
            name="duplicates_decide_article",
        ),
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
        '<script src="{}"></script><script src="{}"></script><script src="{}"></script>',
        static("duplicates/duplicate-decisions.js"),
        static("duplicates/chooser-duplicates.js"),
        static("duplicates/duplicate-checks.js"),
    )


hooks.register("before_publish_page", hold_publication_of_copies)
hooks.register("after_create_page", warn_about_copies)
hooks.register("after_edit_page", warn_about_copies)
