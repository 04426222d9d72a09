"""Choosers offer every agency's published assets plus the editor's own; serving checks access."""

from django.http import Http404
from wagtail import hooks

from .models import MediaAsset
from .visibility import can_see, visible_to


@hooks.register("construct_image_chooser_queryset")
def reusable_images(images, request):
    return visible_to(images, request.user)


@hooks.register("construct_document_chooser_queryset")
def reusable_documents(documents, request):
    return visible_to(documents, request.user)


@hooks.register("construct_media_chooser_queryset")
def reusable_media(media, request):
    # wagtailmedia lists only media the user may edit; reuse needs every published item too.
    return visible_to(MediaAsset.objects.all(), request.user)


@hooks.register("before_serve_document")
def refuse_hidden_documents(document, request):
    if not can_see(document, request.user):
        raise Http404
