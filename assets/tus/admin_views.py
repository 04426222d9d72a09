"""The admin page with the resumable uploader."""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cms.agencies.access import agencies_of
from cms.agencies.models import Agency

from ..kinds import ASSET_KINDS
from .sessions import max_upload_size


def uploader(request):
    agencies = Agency.objects.all() if request.user.is_superuser else agencies_of(request.user)
    return TemplateResponse(
        request,
        "assets/tus/uploader.html",
        {
            "page_title": _("Upload large files"),
            "header_title": _("Upload large files"),
            "agencies": [a for a in agencies if a.collection_id],
            "max_size": max_upload_size(),
            # where the page leads once the file is stored: "<edit URL of kind>" with id 0
            "edit_urls": {
                kind.name: reverse(kind.admin_url_name("edit"), args=[0]) for kind in ASSET_KINDS
            },
            # the uploader appends "<asset type>/<id>/" once the upload is an asset
            "duplicates_endpoint": reverse("duplicates_of_upload", args=["image", 0]).removesuffix(
                "image/0/"
            ),
        },
    )
