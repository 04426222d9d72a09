"""sitemap.xml: every public hub page, asset page and landing page, in both languages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.models import Page

from assets.kinds import kind_named
from assets.visibility import public
from cms.agencies.models import Agency
from cms.taxonomy.models import Audience, Campaign, Topic

from .labels import AGENCY_KIND_LABELS


class BilingualSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True
    languages = ["vi", "en"]


class PageSitemap(BilingualSitemap):
    def items(self):
        return Page.objects.live().public().filter(depth__gt=1).order_by("path")

    def location(self, page):
        return page.url

    def lastmod(self, page):
        return page.last_published_at


class AssetSitemap(BilingualSitemap):
    limit = 20_000  # per file: with two languages and alternates, well under 50,000 entries

    def __init__(self, kind: str):
        self.kind = kind

    def items(self):
        return (
            public(kind_named(self.kind).model.objects.all())
            .only("pk", "created_at")
            .order_by("pk")
        )

    def location(self, asset):
        return reverse(f"hub:{self.kind}", args=[asset.pk])

    def lastmod(self, asset):
        return asset.created_at


class LandingSitemap(BilingualSitemap):
    def items(self):
        fixed = [("hub:library", []), ("hub:topics", []), ("hub:campaigns", []),
                 ("hub:audiences", []), ("hub:agencies", [])]  # fmt: skip
        return (
            fixed
            + [("hub:topic", [slug]) for slug in Topic.objects.values_list("slug", flat=True)]
            + [("hub:campaign", [s]) for s in Campaign.objects.values_list("slug", flat=True)]
            + [("hub:audience", [s]) for s in Audience.objects.values_list("slug", flat=True)]
            + [
                ("hub:agency_kind", [kind])
                for kind in AGENCY_KIND_LABELS
                if Agency.objects.filter(kind=kind, section_page__live=True).exists()
            ]  # fmt: skip
        )

    def location(self, item):
        name, args = item
        return reverse(name, args=args)


SITEMAPS = {
    "pages": PageSitemap(),
    "images": AssetSitemap("image"),
    "documents": AssetSitemap("document"),
    "media": AssetSitemap("media"),
    "landing": LandingSitemap(),
}
