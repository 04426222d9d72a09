"""The database index: always written, the fallback for Elasticsearch and its source of truth.

A `SearchEntry` holds one `SearchRecord` (its full payload plus the columns that filters and sorting
need); `SearchFacet` rows hold every facet value, multi-valued ones included; `SearchTerm` rows are
the inverted index of duplicate-matching terms. Full text lives beside them in an SQLite FTS5 table
or a PostgreSQL tsvector column, both created by migration 0002.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    key = models.CharField(_("key"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=20, db_index=True)
    agency = models.CharField(_("agency code"), max_length=30, blank=True, db_index=True)
    title = models.CharField(_("title"), max_length=500)
    title_folded = models.CharField(_("folded title"), max_length=500, db_index=True)
    text = models.TextField(_("text"), blank=True)
    text_folded = models.TextField(_("folded text"), blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, db_index=True)
    is_public = models.BooleanField(_("public"), default=False)
    embargo_until = models.DateTimeField(_("embargo until"), null=True)
    stamp = models.CharField(_("content stamp"), max_length=64)
    payload = models.JSONField(_("record"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["is_public", "published_at"], name="search_public_date")]

    def __str__(self) -> str:
        return self.key


class SearchFacet(models.Model):
    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facets")
    field = models.CharField(_("field"), max_length=20)
    value = models.CharField(_("value"), max_length=255)

    class Meta:
        verbose_name = _("search facet value")
        indexes = [models.Index(fields=["field", "value", "entry"], name="search_facet_lookup")]

    def __str__(self) -> str:
        return f"{self.field}={self.value}"


class SearchTerm(models.Model):
    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="terms")
    term = models.CharField(_("term"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20)

    class Meta:
        verbose_name = _("duplicate-matching term")
        indexes = [models.Index(fields=["term", "kind"], name="search_term_lookup")]

    def __str__(self) -> str:
        return self.term


class PendingUpdate(models.Model):
    """A key whose Elasticsearch copy is stale because Elasticsearch did not answer."""

    key = models.CharField(_("key"), max_length=64, unique=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    queued_at = models.DateTimeField(_("queued at"), auto_now=True)

    class Meta:
        verbose_name = _("pending search update")
        ordering = ["queued_at", "id"]

    def __str__(self) -> str:
        return self.key
