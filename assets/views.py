"""Serving stored files after an access check: streamed from a local folder with byte ranges, or
a redirect to a short-lived presigned URL when the files are in a private S3 bucket. HLS
playlists are always answered here, with absolute URIs (assets.delivery.playlists)."""

import hashlib

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag
from django.views.decorators.http import require_safe
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.models import document_served
from wagtail.images.views.serve import ServeView

from cms.agencies.access import collection_ids_of

from .delivery.content_types import content_type_for
from .delivery.filenames import rendition_download_name
from .delivery.playlists import is_playlist, rewrite_playlist
from .delivery.refusals import licence_refusal, withdrawal_refusal
from .delivery.responses import PRIVATE_CACHE, PUBLIC_CACHE, stored_file_response
from .delivery.sandbox import sandbox_svg
from .models import ImageAsset
from .serving import visible_owner_of_stored_file, withdrawn_owner_of_stored_file
from .signals import stored_file_served
from .visibility import can_see, visible_to


def may_change_asset(user, asset) -> bool:
    """The owning agency (and superusers) still reach files the public no longer may."""
    return user.is_authenticated and (
        user.is_superuser or asset.collection_id in collection_ids_of(user)
    )


def download_name_of(asset, name: str) -> str:
    """The name a download of stored file `name` of `asset` is offered under."""
    original = getattr(asset, "original_filename", "") or ""
    if asset.file and asset.file.name == name:
        return original or name.rsplit("/", 1)[-1]
    return rendition_download_name(original, name)


@require_safe
def serve_stored_file(request, name: str):
    """Serve a stored file if its asset is visible to the requester; 404 otherwise.

    Unpublished and embargoed files look exactly like missing ones, so guessing names tells
    nothing.
    """
    asset = visible_owner_of_stored_file(name, request.user)
    if asset is None:
        withdrawn = withdrawn_owner_of_stored_file(name)
        if withdrawn is not None:
            return withdrawal_refusal(withdrawn)
        raise Http404
    if not default_storage.exists(name):
        raise Http404
    refused = licence_refusal(asset) if not may_change_asset(request.user, asset) else None
    if refused is not None:
        return refused
    stored_file_served.send(
        sender=type(asset),
        instance=asset,
        name=name,
        original=bool(asset.file) and asset.file.name == name,
        request=request,
    )
    if is_playlist(name):
        return _playlist_response(request, name, public=asset.is_public)
    return stored_file_response(
        request,
        name,
        download_name=download_name_of(asset, name),
        attachment=request.GET.get("download") == "1",
        public=asset.is_public,
    )


def _playlist_response(request, name: str, *, public: bool) -> HttpResponse:
    with default_storage.open(name, "rb") as handle:
        text = handle.read().decode("utf-8")
    body = rewrite_playlist(text, name, lambda stored: reverse("assets:file", args=[stored]))
    etag = quote_etag(hashlib.sha256(body.encode()).hexdigest()[:32])
    response = get_conditional_response(request, etag=etag) or HttpResponse(
        body, content_type=content_type_for(name)
    )
    response["ETag"] = etag
    response["Cache-Control"] = PUBLIC_CACHE if public else PRIVATE_CACHE
    return response


@require_safe
def serve_document(request, document_id: str, document_filename: str):
    """Wagtail's document download URL (`/documents/<id>/<name>`), served like every other
    stored file: the `before_serve_document` hooks decide who may see it, then conditional GET,
    ranges and the original name."""
    document = get_object_or_404(get_document_model(), id=document_id)
    if document.filename != document_filename:
        raise Http404
    if document.withdrawn_at and not can_see(document, request.user):
        return withdrawal_refusal(document)
    for hook in hooks.get_hooks("before_serve_document"):
        result = hook(document, request)
        if isinstance(result, HttpResponse):
            return result
    refused = licence_refusal(document) if not may_change_asset(request.user, document) else None
    if refused is not None:
        return refused
    document_served.send(sender=type(document), instance=document, request=request)
    inline = document.content_type in getattr(
        settings, "WAGTAILDOCS_INLINE_CONTENT_TYPES", ["application/pdf"]
    )
    response = stored_file_response(
        request,
        document.file.name,
        download_name=document.filename,
        attachment=request.GET.get("download") == "1" or not inline,
        public=document.is_public,
    )
    # As Wagtail does: a document opened in the browser runs nothing.
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


class VisibleImageServeView(ServeView):
    """Wagtail's signed image URLs (`/images/<signature>/<id>/<filter>/`), which check only the
    signature: here the image must also be visible to the requester at the moment of the request,
    so a URL made while the image was public stops working once it is unpublished or embargoed,
    and a shared cache keeps a public rendition only briefly."""

    def get(self, request, signature, image_id, filter_spec, filename=None):
        image = visible_to(ImageAsset.objects.filter(pk=image_id), request.user).first()
        if image is None:
            raise Http404
        response = super().get(request, signature, image_id, filter_spec, filename)
        response["Cache-Control"] = PUBLIC_CACHE if image.is_public else PRIVATE_CACHE
        return response

    def serve(self, rendition):
        response = super().serve(rendition)
        return sandbox_svg(response, response.get("Content-Type"))
