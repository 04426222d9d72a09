"""Serving stored files after an access check: streamed from a local folder, or a redirect to a
short-lived presigned URL when the files are in a private S3 bucket."""

import mimetypes

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponseRedirect

from .serving import visible_owner_of_stored_file
from .storage.links import is_remote, presigned_download_url


def serve_stored_file(request, name: str):
    """Serve a stored file if its asset is visible to the requester; 404 otherwise.

    Unpublished and embargoed files look exactly like missing ones, so guessing names tells
    nothing.
    """
    asset = visible_owner_of_stored_file(name, request.user)
    if asset is None or not default_storage.exists(name):
        raise Http404
    if is_remote(default_storage):
        response = HttpResponseRedirect(presigned_download_url(default_storage, name))
    else:
        content_type, _encoding = mimetypes.guess_type(name)
        response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
        response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=300" if asset.is_public else "private, no-store"
    return response
