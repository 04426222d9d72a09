"""Public hub URLs besides the Wagtail page tree: library, asset pages, landing pages.

They sit inside i18n_patterns (no prefix in Vietnamese, /en/ in English); sitemap and robots
live at the site root (see hub_root_urlpatterns)."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from assets.kinds import ASSET_KINDS

from .sitemaps import SITEMAPS
from .views import assets, landing, library, robots

app_name = "hub"
ASSET_KIND_NAMES = [kind.name for kind in ASSET_KINDS]
urlpatterns = [
    path("search/", library.library, name="library"),
    # One route per kind, the asset's id named as elsewhere (image_id, document_id, media_id):
    # the visibility middleware and the permission matrix know them.
    *[
        path(f"library/{kind}/<int:{kind}_id>/", assets.asset_page, {"kind": kind}, name=kind)
        for kind in ASSET_KIND_NAMES
    ],
    *[
        path(
            f"library/{kind}/<int:{kind}_id>/embed/",
            assets.asset_embed,
            {"kind": kind},
            name=f"{kind}_embed",
        )
        for kind in ASSET_KIND_NAMES
    ],
    path("library/image/<int:image_id>/zoom/", assets.image_zoom, name="image_zoom"),
    path("library/image/<int:image_id>/download/", assets.image_download, name="image_download"),
    path("library/media/<int:media_id>/captions.vtt", assets.captions, name="captions"),
    path("topics/", landing.topics_index, name="topics"),
    path("topics/<slug:slug>/", landing.topic, name="topic"),
    path("campaigns/", landing.campaigns_index, name="campaigns"),
    path("campaigns/<slug:slug>/", landing.campaign, name="campaign"),
    path("audiences/", landing.audiences_index, name="audiences"),
    path("audiences/<slug:slug>/", landing.audience, name="audience"),
    path("agencies/", landing.agencies_index, name="agencies"),
    path("agencies/kind/<str:kind>/", landing.agency_kind, name="agency_kind"),
]

root_urlpatterns = [
    path("robots.txt", robots.robots_txt, name="robots"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "hub_sitemap"},
        name="hub_sitemap_index",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="hub_sitemap",
    ),
]
