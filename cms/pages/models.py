"""The content hub: a home page, one section per agency (chuyên trang) and articles in it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from assets.enums import Language
from search.paging import BadParameter

from .article import article_context
from .blocks import ArticleBodyBlock
from .home import home_context
from .section import section_context
from .slugs import FoldedSlugMixin
from .views.refusals import refusal


class HomePage(FoldedSlugMixin, Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["pages.AgencySectionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("hub home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(home_context(self, request))
        return context


class AgencySectionPage(FoldedSlugMixin, Page):
    agency = models.OneToOneField(
        "agencies.Agency",
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        related_name="section_page",
    )
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("agency"), FieldPanel("intro")]
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ArticlePage"]

    class Meta:
        verbose_name = _("agency section")

    def serve(self, request, *args, **kwargs):
        try:
            return super().serve(request, *args, **kwargs)
        except BadParameter as error:  # the library's filters and pages: the same 400 page
            return refusal(request, error)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(section_context(self, request))
        return context


class ArticlePage(FoldedSlugMixin, Page):
    summary = models.TextField(_("summary"), blank=True)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=Language.choices,
        default=Language.VIETNAMESE,
    )
    topics = ParentalManyToManyField("taxonomy.Topic", verbose_name=_("topics"), blank=True)
    audiences = ParentalManyToManyField(
        "taxonomy.Audience", verbose_name=_("audiences"), blank=True
    )
    campaign = models.ForeignKey(
        "taxonomy.Campaign",
        verbose_name=_("campaign or event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    legal_documents = ParentalManyToManyField(
        "taxonomy.LegalDocument",
        verbose_name=_("legal documents communicated"),
        blank=True,
    )
    licence = models.ForeignKey(
        "taxonomy.Licence",
        verbose_name=_("licence"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    author = models.CharField(_("author"), max_length=255, blank=True)
    image = models.ForeignKey(
        "assets.ImageAsset",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown at the top of the article, on cards and in link previews."),
    )
    agency = models.ForeignKey(
        "agencies.Agency",
        verbose_name=_("agency"),
        null=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="articles",
        help_text=_("The agency whose section holds the article."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("title_en"), FieldPanel("summary_en")],
            heading=_("English"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("topics"),
                FieldPanel("audiences"),
                FieldPanel("campaign"),
                FieldPanel("legal_documents"),
                FieldPanel("language"),
                FieldPanel("licence"),
                FieldPanel("author"),
            ],
            heading=_("Classification"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("title_en"),
        index.FilterField("language"),
        index.FilterField("agency"),
    ]
    parent_page_types = ["pages.AgencySectionPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(article_context(self, request))
        return context

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.path else None
        if parent is not None:
            self.agency_id = getattr(parent.specific, "agency_id", None)
        super().save(*args, **kwargs)
