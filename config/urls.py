from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from assets import urls as asset_urls
from assets.views import VisibleImageServeView
from cms.api.router import api_router
from cms.pages.search import hub_search

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Wagtail's signed image URLs end with the image's file name (`generate_image_url`).
    re_path(
        r"^images/(?P<signature>[^/]+)/(?P<image_id>\d+)/(?P<filter_spec>[^/]+)/(?:[^/]*)$",
        VisibleImageServeView.as_view(),
        name="wagtailimages_serve",
    ),
    path("assets/", include(asset_urls)),
    path("api/v2/", api_router.urls),
    path("api/search/", include("search.urls")),
    path("api/duplicates/", include("search.duplicates.urls")),
    path("search/", hub_search, name="hub_search"),
    path("i18n/", include("django.conf.urls.i18n")),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=False)
