"""The upload tabs of the image and document choosers (page editor), with our matcher."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.modal_workflow import render_modal_workflow
from wagtail.documents.views.chooser import DocumentChooserUploadView
from wagtail.images import get_image_model
from wagtail.images.forms import ImageInsertionForm
from wagtail.images.views.chooser import ImageUploadView

from search.keys import split_key

from ..enums import ASSET_DECISIONS
from .confirmation import confirmation_html
from .upload_check import check_of_upload

CHOOSER_WAIT_SECONDS = 8.0


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
        # A modal cannot wait for a poll: a document's text check (quick, in the background)
        # gets a few seconds; a check still running then is left to the asset's listing.
        matches = check_of_upload(created, request.user, wait=CHOOSER_WAIT_SECONDS).matches
        if matches:
            return self.duplicates_response(created, matches)
        return self.next_step_response(created)

    def next_step_response(self, created):
        return self.get_chosen_response(created)

    def next_step_url(self, pk: int) -> str:
        return self.append_preserved_url_parameters(reverse(self.chosen_url_name, args=(pk,)))

    def duplicates_response(self, created, matches: list[dict]):
        for match in matches:
            leads_to = {decision: created.pk for decision in ASSET_DECISIONS}
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
