"""Public hub URLs besides the Wagtail page tree: library, asset pages, landing pages.

They sit inside i18n_patterns (no prefix in Vietnamese, /en/ in English); sitemap and robots
live at the site root (see hub_root_urlpatterns)."""

from django.contrib.sitemaps import views as sitemap_views
from django.urls import path

from .sitemaps import SITEMAPS
from .views import assets, landing, library, robots

app_name = "hub"
urlpatterns = [
    path("search/", library.library, name="library"),
    path("library/<str:kind>/<int:pk>/", assets.asset_page, name="asset"),
    path("library/<str:kind>/<int:pk>/embed/", assets.asset_embed, name="asset_embed"),
    path("library/image/<int:pk>/zoom/", assets.image_zoom, name="image_zoom"),
    path("library/media/<int:pk>/captions/<str:language>.vtt", assets.captions, name="captions"),
    path(
        "library/image/<int:pk>/download/<str:size>/",
        assets.image_download,
        name="image_download",
    ),
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
