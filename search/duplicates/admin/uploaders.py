"""Wagtail's multiple image and document uploaders, with our matcher."""

from wagtail.admin.views.generic.multiple_upload import AddView as GenericAddView
from wagtail.documents.views.multiple import AddView as DocumentsAddView
from wagtail.images.views.multiple import AddView as ImagesAddView

from .confirmation import confirmation_html
from .upload_check import check_of_upload, upload_check_html


class CheckedImagesAddView(ImagesAddView):
    """Wagtail's own uploader shows our confirmation where it shows its equal-hash one; an image
    whose fingerprints failed says "not checked" above its edit form."""

    def get_upload_form_class(self):
        return with_model_defaults(super().get_upload_form_class())

    def get_edit_object_response_data(self):
        data = GenericAddView.get_edit_object_response_data(self)
        check = check_of_upload(self.object, self.request.user)
        data["duplicate"] = bool(check.matches)
        if check.matches:
            html = confirmation_html(self.request, self.object, check.matches)
            data["confirm_duplicate_upload"] = html
        elif check.for_the_editor:
            data["form"] = upload_check_html(self.request, self.object, check) + data["form"]
        return data


class CheckedDocumentsAddView(DocumentsAddView):
    """Wagtail's document uploader has no duplicate step: the check goes above the edit form it
    shows for each file ("reuse" is a delete link, which its script already handles). The text
    is compared in the background: "checking for copies" first, then the copies, if any."""

    def get_upload_form_class(self):
        return with_model_defaults(super().get_upload_form_class())

    def get_edit_object_response_data(self):
        data = super().get_edit_object_response_data()
        check = check_of_upload(self.object, self.request.user)
        data["duplicate"] = bool(check.matches)
        if check.for_the_editor:
            block = upload_check_html(self.request, self.object, check, place="above_form")
            data["form"] = block + data["form"]
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
