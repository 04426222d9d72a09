"""The metadata every asset shares, whatever its kind, and who may see it."""

import posixpath

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from cms.agencies.models import Agency

from ..enums import Language
from ..lifecycle import announce, changes_between, mark_withdrawal, previous_state
from ..rights import check_publishable

SHARED_FORM_FIELDS = (
    "description",
    "title_en",
    "description_en",
    "topics",
    "audiences",
    "campaign",
    "language",
    "creator",
    "credit_line",
    "copyright_holder",
    "licence",
    "licence_expires_on",
    "source_url",
    "legal_documents",
    "is_published",
    "embargo_until",
    "withdrawal_reason",
)


def with_filterable_tags(search_fields: list) -> list:
    """Wagtail's choosers filter by tag, then search: the tag's name must be a filter field of the
    index too, or `?tag=...&q=...` answers 500 (FilterFieldError)."""
    fields = []
    for field in search_fields:
        if isinstance(field, index.RelatedFields) and field.field_name == "tags":
            field = index.RelatedFields("tags", [*field.fields, index.FilterField("name")])
        fields.append(field)
    return fields


class AssetMetadata(models.Model):
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("agency"),
        null=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("The owning agency, taken from the collection."),
    )
    description = models.TextField(_("description (Vietnamese)"), blank=True)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    topics = models.ManyToManyField(
        "taxonomy.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )
    audiences = models.ManyToManyField(
        "taxonomy.Audience", verbose_name=_("audiences"), blank=True, related_name="+"
    )
    campaign = models.ForeignKey(
        "taxonomy.Campaign",
        verbose_name=_("campaign or event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=Language.choices,
        default=Language.VIETNAMESE,
    )
    creator = models.CharField(_("creator"), max_length=255, blank=True)
    credit_line = models.CharField(_("credit line"), max_length=255, blank=True)
    copyright_holder = models.CharField(_("copyright holder"), max_length=255, blank=True)
    licence = models.ForeignKey(
        "taxonomy.Licence",
        verbose_name=_("licence"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    licence_expires_on = models.DateField(
        _("licence expires on"),
        null=True,
        blank=True,
        help_text=_("After this day the files are no longer served: reusers are told why."),
    )
    source_url = models.URLField(_("source URL"), blank=True, max_length=500)
    legal_documents = models.ManyToManyField(
        "taxonomy.LegalDocument",
        verbose_name=_("legal documents communicated"),
        blank=True,
        related_name="+",
    )
    is_published = models.BooleanField(
        _("published"),
        default=False,
        help_text=_("Published assets can be seen by the public and reused by every agency."),
    )
    embargo_until = models.DateTimeField(
        _("embargo until"),
        null=True,
        blank=True,
        help_text=_("Kept from the public and other agencies until this moment."),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, editable=False)
    withdrawal_reason = models.CharField(
        _("reason for withdrawal"),
        max_length=500,
        blank=True,
        help_text=_(
            "Shown to reusers when a published asset is unpublished (for example a correction "
            "or a rights problem)."
        ),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)
    content_sha256 = models.CharField(
        _("SHA-256"), max_length=64, blank=True, editable=False, db_index=True
    )
    byte_size = models.PositiveBigIntegerField(_("size in bytes"), null=True, editable=False)
    original_filename = models.CharField(
        _("original file name"),
        max_length=255,
        blank=True,
        editable=False,
        help_text=_("The name the file had when it was uploaded; the stored key is its hash."),
    )

    metadata_search_fields = [
        index.SearchField("description"),
        index.SearchField("title_en"),
        index.SearchField("creator"),
        index.FilterField("agency"),
        index.FilterField("is_published"),
        # The visibility rule filters on these; the admin choosers search through it.
        index.FilterField("embargo_until"),
        index.FilterField("collection_id"),
        index.FilterField("id"),
        index.FilterField("language"),
    ]

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        check_publishable(self)

    def assign_agency_from_collection(self) -> None:
        self.agency = Agency.objects.filter(collection_id=self.collection_id).first()

    @property
    def filename(self) -> str:
        """The uploaded file's own name, shown in lists and given to downloads."""
        return self.original_filename or posixpath.basename(self.file.name or "")

    @property
    def is_public(self) -> bool:
        embargoed = self.embargo_until is not None and self.embargo_until > timezone.now()
        return self.is_published and not embargoed

    @property
    def licence_expired(self) -> bool:
        expires_on = self.licence_expires_on
        return expires_on is not None and expires_on < timezone.localdate()

    def save(self, *args, **kwargs):
        self.assign_agency_from_collection()
        previous = previous_state(self)
        mark_withdrawal(self, previous)
        super().save(*args, **kwargs)
        announce(self, changes_between(previous, self))
