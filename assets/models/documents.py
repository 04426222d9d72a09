from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index

from ..enums import DocumentKind
from ..kinds import DOCUMENT
from ..storage_keys import original_upload_to
from .metadata import SHARED_FORM_FIELDS, AssetMetadata, with_filterable_tags


class DocumentAsset(AssetMetadata, AbstractDocument):
    file = models.FileField(_("file"), upload_to=original_upload_to, max_length=255)
    kind = models.CharField(
        _("kind"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.PDF
    )
    extracted_text = models.TextField(_("extracted text"), blank=True, editable=False)
    page_count = models.PositiveIntegerField(_("pages"), null=True, editable=False)

    upload_families = DOCUMENT.upload_families
    admin_form_fields = Document.admin_form_fields + ("kind",) + SHARED_FORM_FIELDS
    search_fields = with_filterable_tags(
        AbstractDocument.search_fields
        + AssetMetadata.metadata_search_fields
        + [index.SearchField("extracted_text")]
    )

    class Meta(AbstractDocument.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")
