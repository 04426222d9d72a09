"""The admin side of the duplicate check: Wagtail's multiple image upload, with our matcher in
place of its equal-file-hash check, and the endpoint its buttons post the editor's decision to."""

from django.http import JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST
from wagtail.admin.views.generic.multiple_upload import AddView as GenericAddView
from wagtail.images.views.multiple import AddView as ImagesAddView

from assets.fingerprinting import stored_fingerprints
from assets.models import Decision

from ..keys import instance_for_key, key_for
from .checking import decide
from .matching import find_duplicates
from .presentation import describe_all, resolve_reference

UPLOAD_TYPES = ("image", "document", "media")


class CheckedImagesAddView(ImagesAddView):
    def get_upload_form_class(self):
        return with_model_defaults(super().get_upload_form_class())

    def get_edit_object_response_data(self):
        data = GenericAddView.get_edit_object_response_data(self)
        new_key = key_for(self.object)
        matches = find_duplicates(stored_fingerprints(self.object), exclude={new_key})
        described = describe_all(matches, self.request.user)
        data["duplicate"] = bool(described)
        if described:
            data["confirm_duplicate_upload"] = render_to_string(
                "duplicates/confirm_upload.html",
                {
                    "new": self.object,
                    "new_is_image": True,
                    "matches": _with_decision_urls(described, new_key),
                },
                request=self.request,
            )
        return data


def with_model_defaults(form_class):
    """The uploader posts only title and collection: required fields whose model field has a
    default (kind, language) take it, so the file is checked and stored at once, not parked as an
    unchecked `UploadedFile` until the editor completes the form."""

    class UploadForm(form_class):
        def __init__(self, data=None, *args, **kwargs):
            if data is not None:
                data = {**_model_defaults(form_class), **data}
            super().__init__(data, *args, **kwargs)

    return UploadForm


def _model_defaults(form_class) -> dict:
    defaults = {}
    for field in form_class._meta.model._meta.concrete_fields:
        if field.name in form_class.base_fields and field.has_default() and not field.blank:
            defaults[field.name] = field.get_default()
    return defaults


def _with_decision_urls(described: list[dict], new_key: str) -> list[dict]:
    base = reverse("duplicates_admin_decide")
    for match in described:
        named = {"candidate": match["key"]} if "key" in match else {"reference": match["reference"]}
        match["decision_urls"] = {
            decision: f"{base}?{urlencode({**named, 'asset': new_key, 'decision': decision})}"
            for decision in Decision.values
        }
    return described


@require_POST
def decide_in_admin(request):
    """Record a decision named in the query string; "reuse" removes the editor's new upload."""
    sent = {key: request.GET.get(key, "") for key in ("asset", "decision")}
    try:
        candidate = request.GET.get("candidate") or resolve_reference(request.GET["reference"])
        if sent["decision"] not in Decision.values:
            raise ValueError(sent["decision"])
        decide(request.user, candidate, sent)
    except (KeyError, ValueError, LookupError, PermissionError) as error:
        return JsonResponse({"success": False, "error": str(error)}, status=400)
    return JsonResponse({"success": True})


def duplicates_of_upload(request, asset_type: str, pk: int):
    """The confirmation for an asset the editor has just uploaded (large uploads page)."""
    asset = instance_for_key(f"{asset_type}:{pk}") if asset_type in UPLOAD_TYPES else None
    if asset is None or (
        asset.uploaded_by_user_id != request.user.pk and not request.user.is_superuser
    ):
        return JsonResponse({"count": 0, "html": ""}, status=404)
    key = key_for(asset)
    described = describe_all(
        find_duplicates(stored_fingerprints(asset), exclude={key}), request.user
    )
    html = (
        render_to_string(
            "duplicates/confirm_upload.html",
            {
                "new": asset,
                "new_is_image": asset_type == "image",
                "matches": _with_decision_urls(described, key),
                "standalone": True,
            },
            request=request,
        )
        if described
        else ""
    )
    return JsonResponse({"count": len(described), "html": html})
