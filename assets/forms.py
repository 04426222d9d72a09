"""Admin forms of the three asset models: every new file is checked before anything is saved."""

from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtailmedia.forms import BaseMediaForm

from .ingest import apply_upload_facts, inspect_upload


class CheckedUploadMixin:
    """Runs the upload checks in `clean_file` and stores the file's facts on save."""

    upload_facts = None

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            self.upload_facts = inspect_upload(
                file, filename=file.name, allowed=self._meta.model.upload_families
            )
        return file

    def save(self, commit=True):
        if self.upload_facts is not None:
            apply_upload_facts(self.instance, self.upload_facts)
        return super().save(commit=commit)


class ImageAssetForm(CheckedUploadMixin, BaseImageForm):
    """Photos, infographics, illustrations and posters."""


class DocumentAssetForm(CheckedUploadMixin, BaseDocumentForm):
    """PDF documents, slides and e-handbooks."""


class MediaAssetForm(CheckedUploadMixin, BaseMediaForm):
    """Video and audio."""
