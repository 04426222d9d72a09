"""Wagtail's single-file add forms (image, document, video/audio): a copy goes to a review page."""

from django.shortcuts import redirect
from django.urls import reverse
from wagtail.documents.views.documents import CreateView as DocumentCreateView
from wagtail.images.views.images import CreateView as ImageCreateView
from wagtailmedia.views import media as media_views

from assets.kinds import MEDIA, kind_of_model

from .upload_check import check_of_upload


class ReviewCopiesMixin:
    """A single-file add form: a saved copy goes to the review page instead of the list."""

    def get_success_url(self):
        return review_url_if_duplicated(self.object, self.request.user) or super().get_success_url()


class CheckedImageCreateView(ReviewCopiesMixin, ImageCreateView):
    """Wagtail's single image form, served at its own URL (`images/add/`)."""


class CheckedDocumentCreateView(ReviewCopiesMixin, DocumentCreateView):
    """Wagtail's single document form, served at its own URL (`documents/add/`)."""


def checked_media_add(request, media_type):
    """wagtailmedia's add form (a function view): once it has saved and redirects, the editor's
    newest media file is the one it saved, and a copy goes to the review page instead."""
    response = media_views.add(request, media_type)
    if request.method != "POST" or response.status_code != 302:
        return response
    saved = MEDIA.model.objects.filter(uploaded_by_user=request.user).order_by("-pk").first()
    review = saved and review_url_if_duplicated(saved, request.user)
    return redirect(review) if review else response


def review_url_if_duplicated(asset, user) -> str | None:
    """The review page, unless the check is over and found nothing."""
    if not check_of_upload(asset, user).for_the_editor:
        return None
    return reverse("duplicates_review_upload", args=[kind_of_model(type(asset)).name, asset.pk])
