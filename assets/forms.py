"""Admin forms of the three asset models: every new file is checked before anything is saved."""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtailmedia.forms import BaseMediaForm

from .ingest import apply_upload_facts, inspect_upload


class CheckedUploadMixin:
    """Runs the upload checks when the file field is cleaned and stores the facts on save."""

    upload_facts = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self._check_before(self.fields["file"])

    def _check_before(self, field) -> None:
        # Our checks run before the field's own (Wagtail's image field opens the file with
        # Willow first, and its messages are vaguer), so the editor reads the specific reason.
        field_clean = field.clean

        def clean(data, initial=None):
            if isinstance(data, UploadedFile):
                self.upload_facts = inspect_upload(
                    data, filename=data.name, allowed=self._meta.model.upload_families
                )
            return field_clean(data, initial)

        field.clean = clean

    def save(self, commit=True):
        if self.upload_facts is not None:
            apply_upload_facts(self.instance, self.upload_facts)
            # The form saves its own tags after the row: keywords go in as the form's tags.
            if "tags" in self.cleaned_data and not self.cleaned_data["tags"]:
                self.cleaned_data["tags"] = self.instance._pending_keywords
                self.instance._pending_keywords = None
        return super().save(commit=commit)


class ImageAssetForm(CheckedUploadMixin, BaseImageForm):
    """Photos, infographics, illustrations and posters."""


class DocumentAssetForm(CheckedUploadMixin, BaseDocumentForm):
    """PDF documents, slides and e-handbooks."""


class MediaAssetForm(CheckedUploadMixin, BaseMediaForm):
    """Video and audio."""
