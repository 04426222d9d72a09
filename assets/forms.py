"""Admin forms of the three asset models: every new file is checked before anything is saved."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtailmedia.forms import BaseMediaForm

from .ingest import apply_upload_facts, described_values, inspect_upload
from .rights import agency_defaults
from .widgets import use_admin_widgets


class CheckedUploadMixin:
    """Runs the upload checks when the file field is cleaned and stores the facts on save."""

    upload_facts = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            self._check_before(self.fields["file"])
        use_admin_widgets(self)
        if self.instance.pk is None and not self.is_bound:
            self._show_agency_defaults()

    def _collection_id(self, cleaned: dict | None = None):
        """The collection a new asset goes to: chosen, the only one the editor has, or the
        one the form starts with."""
        chosen = (cleaned or {}).get("collection")
        if chosen is not None:
            return chosen.pk
        collections = getattr(self, "collections", None)
        if collections is not None and len(collections) == 1:
            return collections[0].pk
        if "collection" in self.fields and not self.is_bound:
            initial = self.get_initial_for_field(self.fields["collection"], "collection")
            return getattr(initial, "pk", initial) or (collections[0].pk if collections else None)
        return self.instance.collection_id

    def _show_agency_defaults(self) -> None:
        for name, value in agency_defaults(self._collection_id()).items():
            if name in self.fields and not self.initial.get(name):
                self.initial[name] = value.pk if name == "licence" else value

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

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk is None:
            self._prefill_blanks(cleaned)
        return cleaned

    def _prefill_blanks(self, cleaned: dict) -> None:
        """What the editor left blank in a new asset's form takes what the file says, then the
        agency's defaults, before the model's rules (rights to publish) are checked."""
        values = agency_defaults(self._collection_id(cleaned))
        facts = self.upload_facts
        if facts is not None:
            values.update(described_values(facts))
        for name, value in values.items():
            if name in self.fields and not cleaned.get(name):
                cleaned[name] = value
        if facts is not None and facts.kind and self._kind_left_alone():
            cleaned["kind"] = facts.kind

    def _kind_left_alone(self) -> bool:
        return "kind" in self.fields and "kind" not in self.changed_data

    def add_error(self, field, error):
        # The model's rules (assets.rights) name fields this form may not show (the multiple
        # uploader's short form): their messages go above the form instead of failing it.
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            regrouped: dict[str, list] = {}
            for name, messages in error.error_dict.items():
                shown = name if name in self.fields else NON_FIELD_ERRORS
                regrouped.setdefault(shown, []).extend(messages)
            error = ValidationError(regrouped)
        super().add_error(field, error)

    def save(self, commit=True):
        if self.upload_facts is not None:
            kind_chosen = not self._kind_left_alone()
            apply_upload_facts(self.instance, self.upload_facts, kind_chosen=kind_chosen)
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
