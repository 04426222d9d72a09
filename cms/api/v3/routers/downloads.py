"""The download of an original through the API: licence checked, reuse counted, the credit line
embedded in JPEG and PNG images, the file named as it was uploaded."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import HttpResponse

from assets.delivery.content_types import content_type_for
from assets.delivery.credit import Credit, embed_credit
from assets.delivery.filenames import content_disposition
from assets.delivery.refusals import licence_refusal
from assets.delivery.responses import PRIVATE_CACHE, stored_file_response
from search.keys import key_for

from ... import reuse
from ...access import caller_of
from ...enums import FetchKind
from ..representations.terms import credit_line


def credit_of(asset) -> Credit:
    licence = asset.licence
    terms = ""
    if licence is not None:
        terms = f"{licence.name_vi} ({licence.code})"
    return Credit(
        credit_line=credit_line(asset),
        creator=asset.creator,
        copyright_holder=asset.copyright_holder,
        usage_terms=terms,
        licence_url=licence.url if licence else "",
    )


def download_response(request, asset) -> HttpResponse:
    refused = licence_refusal(asset)
    if refused is not None:
        return refused
    reuse.record_fetch(caller_of(request), key_for(asset), asset.agency_id, FetchKind.ORIGINAL)
    name = asset.file.name
    limit = settings.ASSET_UPLOAD_LIMITS["image_max_bytes"]
    if asset._meta.model_name == "imageasset" and (asset.byte_size or 0) <= limit:
        with default_storage.open(name, "rb") as handle:
            credited = embed_credit(handle.read(), credit_of(asset))
        if credited is not None:
            response = HttpResponse(credited, content_type=content_type_for(name))
            response["Content-Disposition"] = content_disposition(asset.filename, attachment=True)
            response["Cache-Control"] = PRIVATE_CACHE
            return response
    return stored_file_response(
        request, name, download_name=asset.filename, attachment=True, public=asset.is_public
    )
