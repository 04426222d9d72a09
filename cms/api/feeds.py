"""RSS 2.0 and Atom feeds per topic, campaign and agency (Django's syndication framework): the
newest public assets and articles, media with their file as enclosure."""

from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure

from assets.delivery.content_types import content_type_for
from assets.models import DocumentAsset, ImageAsset, MediaAsset
from assets.visibility import public
from cms.agencies.models import Agency
from cms.pages.models import ArticlePage
from cms.taxonomy.models import Campaign, Topic
from search.keys import key_for

ITEMS = 50
DETAIL = {
    ImageAsset: "api_v3:image_detail",
    DocumentAsset: "api_v3:document_detail",
    MediaAsset: "api_v3:media_detail",
}


class LibraryFeed(Feed):
    """Subclasses name what the feed follows (`subject_model`) and how items match it."""

    subject_model = None
    subject_field = "slug"

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, slug: str):
        if "\x00" in slug:  # PostgreSQL refuses NUL in text: no such subject
            raise Http404
        return get_object_or_404(self.subject_model, **{self.subject_field: slug})

    def title(self, subject):
        return f"{subject.name} — Kho tài nguyên truyền thông số"

    def link(self, subject):
        return reverse("api_v3:search")

    def description(self, subject):
        return f"Tài nguyên mới nhất: {subject.name} / Newest items: {subject.name}"

    def matching(self, subject) -> Q:
        raise NotImplementedError

    def items(self, subject):
        match = self.matching(subject)
        found = []
        for model in (ImageAsset, DocumentAsset, MediaAsset):
            assets = public(model.objects.filter(match)).select_related("agency")
            found += list(assets.order_by("-created_at")[:ITEMS])
        articles = ArticlePage.objects.live().public().filter(match).select_related("agency")
        found += list(articles.order_by("-first_published_at")[:ITEMS])
        found.sort(key=self.item_pubdate, reverse=True)
        return found[:ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return getattr(item, "description", None) or getattr(item, "summary", "") or item.title

    def item_link(self, item):
        if isinstance(item, ArticlePage):
            return item.get_full_url(self.request)
        return self.request.build_absolute_uri(reverse(DETAIL[type(item)], args=[item.pk]))

    def item_guid(self, item):
        return self.item_link(item)

    def item_pubdate(self, item):
        return getattr(item, "first_published_at", None) or item.created_at

    def item_updateddate(self, item):
        return getattr(item, "last_published_at", None) or getattr(item, "updated_at", None)

    def item_author_name(self, item):
        return item.agency.name if item.agency else None

    def item_categories(self, item):
        return [key_for(item).split(":")[0]]

    def item_enclosures(self, item):
        if isinstance(item, ArticlePage) or not item.file:
            return []
        url = self.request.build_absolute_uri(reverse("assets:file", args=[item.file.name]))
        size = str(item.byte_size or 0)
        return [Enclosure(url, size, content_type_for(item.file.name))]


class TopicFeed(LibraryFeed):
    subject_model = Topic

    def matching(self, subject) -> Q:
        return Q(topics=subject) | Q(topics__parent=subject)

    def items(self, subject):
        # A topic and its subtopics can match one item twice: keep each once.
        seen, unique = set(), []
        for item in super().items(subject):
            if key_for(item) not in seen:
                seen.add(key_for(item))
                unique.append(item)
        return unique


class CampaignFeed(LibraryFeed):
    subject_model = Campaign

    def matching(self, subject) -> Q:
        return Q(campaign=subject)


class AgencyFeed(LibraryFeed):
    subject_model = Agency
    subject_field = "code"

    def matching(self, subject) -> Q:
        return Q(agency=subject)


def atom(feed_class):
    return type(f"Atom{feed_class.__name__}", (feed_class,), {"feed_type": Atom1Feed})
