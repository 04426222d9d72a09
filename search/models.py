"""The database index: always written, the fallback for Elasticsearch and its source of truth.

A `SearchEntry` holds one `SearchRecord` (its payload, its text, and the columns that matching,
ranking, filters and sorting need); `SearchFacet` rows hold every facet value, multi-valued ones
included, for facet counts; `SearchTerm` rows are the inverted index of duplicate-matching terms;
`WordCount` rows the statistics BM25 ranking needs. Full text lives beside them in an SQLite FTS5
table or a PostgreSQL tsvector column (migration 0003), over the folded words and the filter tokens.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """One record. The word columns (see `search.backends.database_rows`) hold words separated and
    surrounded by two spaces, so SQL finds a word or a phrase, and counts a word, by plain string
    functions: " word " occurs once per occurrence of the word."""

    key = models.CharField(_("key"), max_length=64, unique=True)
    kind = models.CharField(_("kind"), max_length=20)
    agency = models.CharField(_("agency code"), max_length=30, blank=True)
    title = models.CharField(_("title"), max_length=500)
    title_folded = models.TextField(_("folded title words"))
    text = models.TextField(_("text"), blank=True)
    text_folded = models.TextField(_("folded text words"), blank=True)
    words = models.TextField(_("original words"), blank=True, db_default="")
    title_length = models.PositiveIntegerField(_("title length in words"), db_default=0)
    text_length = models.PositiveIntegerField(_("text length in words"), db_default=0)
    filter_terms = models.TextField(_("filter tokens"), blank=True, db_default="")
    published_at = models.DateTimeField(_("published at"), null=True)
    is_public = models.BooleanField(_("public"), default=False)
    embargo_until = models.DateTimeField(_("embargo until"), null=True)
    stamp = models.CharField(_("content stamp"), max_length=64)
    payload = models.JSONField(_("record without its text"))
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["is_public", "published_at"], name="search_public_date")]

    def __str__(self) -> str:
        return self.key


class SearchFacet(models.Model):
    entry = models.ForeignKey(
        SearchEntry, on_delete=models.CASCADE, related_name="facets", db_index=False
    )
    field = models.CharField(_("field"), max_length=20)
    value = models.CharField(_("value"), max_length=255)

    class Meta:
        verbose_name = _("search facet value")
        # Facet counts read an entry's values from the index alone.
        indexes = [models.Index(fields=["entry", "field", "value"], name="search_facet_values")]

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


class WordCount(models.Model):
    """In how many entries' titles and texts each folded word occurs (its document frequency per
    field); the rows named `ENTRIES` and `WORDS` hold how many entries have a title and a text, and
    the summed lengths of those titles and texts."""

    ENTRIES, WORDS = "#entries", "#words"
    MAX_WORD_LENGTH = 100

    word = models.CharField(_("word"), max_length=MAX_WORD_LENGTH, primary_key=True)
    titles = models.BigIntegerField(_("in titles"), default=0)
    texts = models.BigIntegerField(_("in texts"), default=0)

    class Meta:
        verbose_name = _("word count")

    def __str__(self) -> str:
        return f"{self.word}: {self.titles} titles, {self.texts} texts"


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
