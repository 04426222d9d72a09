import mimetypes

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404

from .serving import visible_owner_of_stored_file


def serve_stored_file(request, name: str):
    """Stream a stored file if one of its assets is visible to the requester; 404 otherwise.

    Unpublished and embargoed files look exactly like missing ones, so guessing names tells
    nothing.
    """
    asset = visible_owner_of_stored_file(name, request.user)
    if asset is None or not default_storage.exists(name):
        raise Http404
    content_type, _encoding = mimetypes.guess_type(name)
    response = FileResponse(default_storage.open(name, "rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "public, max-age=300" if asset.is_public else "private, no-store"
    return response
