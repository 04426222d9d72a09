"""Serving stored files after an access check: streamed from a local folder, or a redirect to a
short-lived presigned URL when the files are in a private S3 bucket. Wagtail's signed image URLs
go through the same rule."""

import mimetypes

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseRedirect
from wagtail.images.views.serve import ServeView

from .headers import harden_file_response
from .models import ImageAsset
from .serving import visible_owner_of_stored_file
from .storage.links import is_remote, presigned_download_url
from .visibility import visible_to

PUBLIC_CACHE = "public, max-age=300"
PRIVATE_CACHE = "private, no-store"


def serve_stored_file(request, name: str):
    """Serve a stored file if its asset is visible to the requester; 404 otherwise.

    Unpublished and embargoed files look exactly like missing ones, so guessing names tells
    nothing.
    """
    asset = visible_owner_of_stored_file(name, request.user)
    if asset is None or not default_storage.exists(name):
        raise Http404
    content_type, _encoding = mimetypes.guess_type(name)
    if is_remote(default_storage):
        response = HttpResponseRedirect(presigned_download_url(default_storage, name))
    else:
        response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
        harden_file_response(response, content_type)
    response["Cache-Control"] = PUBLIC_CACHE if asset.is_public else PRIVATE_CACHE
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
        return harden_file_response(response, response.get("Content-Type"))
