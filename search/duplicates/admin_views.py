"""The admin side of the duplicate check: Wagtail's multiple image and document uploaders, and its
single document and media forms, with our matcher; and the endpoint their buttons post the
editor's decision to."""

from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.admin.views.generic.multiple_upload import AddView as GenericAddView
from wagtail.documents.views.chooser import DocumentChooserUploadView
from wagtail.documents.views.documents import CreateView as DocumentCreateView
from wagtail.documents.views.multiple import AddView as DocumentsAddView
from wagtail.images import get_image_model
from wagtail.images.forms import ImageInsertionForm
from wagtail.images.views.chooser import ImageUploadView
from wagtail.images.views.images import CreateView as ImageCreateView
from wagtail.images.views.multiple import AddView as ImagesAddView
from wagtailmedia.views import media as media_views

from assets.fingerprinting import stored_fingerprints
from assets.models import Decision, MediaAsset

from ..keys import instance_for_key, key_for, kind_for_model, split_key
from .checking import decide
from .matching import find_duplicates
from .presentation import describe_all, resolve_reference

UPLOAD_TYPES = ("image", "document", "media")
INDEX_URL_NAMES = {
    "image": "wagtailimages:index",
    "document": "wagtaildocs:index",
    "media": "wagtailmedia:index",
}


def described_duplicates(asset, user) -> list[dict]:
    """The library's copies of a freshly stored upload, as `user` may see them, with the URLs
    that record each decision."""
    key = key_for(asset)
    described = describe_all(find_duplicates(stored_fingerprints(asset), exclude={key}), user)
    return _with_decision_urls(described, key)


def confirmation_html(request, asset, matches: list[dict], *, place: str = "uploader") -> str:
    """`place`: "uploader" (Wagtail's image uploader handles the buttons), "above_form" (the
    document uploader), "chooser" (the chooser's script posts each button's link) or
    "standalone" (every button records its decision by itself)."""
    return render_to_string(
        "duplicates/confirm_upload.html",
        {
            "new": asset,
            "new_is_image": kind_for_model(type(asset)) == "image",
            "matches": matches,
            place: True,
        },
        request=request,
    )


class CheckedImagesAddView(ImagesAddView):
    """Wagtail's own uploader shows our confirmation where it shows its equal-hash one."""

    def get_upload_form_class(self):
        return with_model_defaults(super().get_upload_form_class())

    def get_edit_object_response_data(self):
        data = GenericAddView.get_edit_object_response_data(self)
        matches = described_duplicates(self.object, self.request.user)
        data["duplicate"] = bool(matches)
        if matches:
            data["confirm_duplicate_upload"] = confirmation_html(self.request, self.object, matches)
        return data


class CheckedDocumentsAddView(DocumentsAddView):
    """Wagtail's document uploader has no duplicate step: the confirmation goes above the edit
    form it shows for each file ("reuse" is a delete link, which its script already handles)."""

    def get_upload_form_class(self):
        return with_model_defaults(super().get_upload_form_class())

    def get_edit_object_response_data(self):
        data = super().get_edit_object_response_data()
        matches = described_duplicates(self.object, self.request.user)
        data["duplicate"] = bool(matches)
        if matches:
            confirmation = confirmation_html(self.request, self.object, matches, place="above_form")
            data["form"] = confirmation + data["form"]
        return data


class ChooserDuplicateStep:
    """The upload tab of a chooser (page editor): a saved copy answers with the step Wagtail's
    image chooser knows ("duplicate_found"; `chooser-duplicates.js` teaches the document
    chooser); every button there posts the decision and the modal goes on to the item it leads
    to: the existing one after "reuse", the new upload otherwise."""

    kind = ""  # the index kind this chooser chooses
    chosen_url_name = ""  # set by the chooser's viewset (`construct_view`)

    def post(self, request):
        self.form = self.get_creation_form()
        if not self.form.is_valid():
            return self.get_reshow_creation_form_response()
        created = self.save_form(self.form)
        matches = described_duplicates(created, request.user)
        if matches:
            return self.duplicates_response(created, matches)
        return self.next_step_response(created)

    def next_step_response(self, created):
        return self.get_chosen_response(created)

    def next_step_url(self, pk: int) -> str:
        return self.append_preserved_url_parameters(reverse(self.chosen_url_name, args=(pk,)))

    def duplicates_response(self, created, matches: list[dict]):
        for match in matches:
            leads_to = {decision: created.pk for decision in Decision.values}
            kind, pk = split_key(match.get("key", "none:0"))
            leads_to["reuse"] = pk if kind == self.kind else None  # a video's poster: not here
            match["chooser_urls"] = {
                decision: f"{match['decision_urls'][decision]}&"
                f"{urlencode({'next': self.next_step_url(pk)})}"
                for decision, pk in leads_to.items()
                if pk is not None
            }
        html = render_to_string(
            "duplicates/chooser_upload.html",
            {"confirmation": confirmation_html(self.request, created, matches, place="chooser")},
            request=self.request,
        )
        step = {"step": "duplicate_found", "htmlFragment": html}
        return render_modal_workflow(self.request, None, None, None, json_data=step)


class CheckedImageChooserUploadView(ChooserDuplicateStep, ImageUploadView):
    kind = "image"

    def post(self, request):
        self.model = get_image_model()
        return super().post(request)

    def next_step_response(self, image):
        # Wagtail's own next step after an upload (inline in its `post`, so repeated here).
        if self.request.GET.get("select_format"):
            insertion_form = ImageInsertionForm(
                initial={"alt_text": image.default_alt_text}, prefix="image-chooser-insertion"
            )
            return self.render_select_format_response(image, insertion_form)
        return self.get_chosen_response(image)

    def next_step_url(self, pk: int) -> str:
        name = "select_format" if self.request.GET.get("select_format") else "chosen"
        url = reverse(f"wagtailimages_chooser:{name}", args=(pk,))
        return self.append_preserved_url_parameters(url)


class CheckedDocumentChooserUploadView(ChooserDuplicateStep, DocumentChooserUploadView):
    kind = "document"


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
    saved = MediaAsset.objects.filter(uploaded_by_user=request.user).order_by("-pk").first()
    review = saved and review_url_if_duplicated(saved, request.user)
    return redirect(review) if review else response


def review_url_if_duplicated(asset, user) -> str | None:
    if not described_duplicates(asset, user):
        return None
    return reverse("duplicates_review_upload", args=[kind_for_model(type(asset)), asset.pk])


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
    """Record a decision named in the query string; "reuse" removes the editor's new upload.
    With `next` (the chooser), the answer is that page instead of a JSON acknowledgement."""
    sent = {key: request.GET.get(key, "") for key in ("asset", "decision")}
    try:
        candidate = request.GET.get("candidate") or resolve_reference(request.GET["reference"])
        if sent["decision"] not in Decision.values:
            raise ValueError(sent["decision"])
        decide(request.user, candidate, sent)
    except (KeyError, ValueError, LookupError, PermissionError) as error:
        return JsonResponse({"success": False, "error": str(error)}, status=400)
    after = request.GET.get("next", "")
    if after and url_has_allowed_host_and_scheme(after, {request.get_host()}):
        return redirect(after)  # the chooser goes on to the image the decision leads to
    return JsonResponse({"success": True})


def _own_upload(request, asset_type: str, pk: int):
    asset = instance_for_key(f"{asset_type}:{pk}") if asset_type in UPLOAD_TYPES else None
    if asset is None or (
        asset.uploaded_by_user_id != request.user.pk and not request.user.is_superuser
    ):
        return None
    return asset


def duplicates_of_upload(request, asset_type: str, pk: int):
    """The confirmation for an asset the editor has just uploaded (large uploads page)."""
    asset = _own_upload(request, asset_type, pk)
    if asset is None:
        return JsonResponse({"count": 0, "html": ""}, status=404)
    matches = described_duplicates(asset, request.user)
    html = confirmation_html(request, asset, matches, place="standalone") if matches else ""
    return JsonResponse({"count": len(matches), "html": html})


def review_upload(request, asset_type: str, pk: int):
    """The page a single-file form leads to when the file it saved is already in the library."""
    asset = _own_upload(request, asset_type, pk)
    if asset is None:
        raise Http404(_("The uploaded asset is not there any more."))
    matches = described_duplicates(asset, request.user)
    return TemplateResponse(
        request,
        "duplicates/review_upload.html",
        {
            "asset": asset,
            "confirmation": confirmation_html(request, asset, matches, place="standalone")
            if matches
            else "",
            "index_url": reverse(INDEX_URL_NAMES[asset_type]),
            "edit_url": _edit_url(asset_type, asset.pk),
        },
    )


def _edit_url(asset_type: str, pk: int) -> str:
    names = {"image": "wagtailimages:edit", "document": "wagtaildocs:edit"}
    return reverse(names.get(asset_type, "wagtailmedia:edit"), args=[pk])
