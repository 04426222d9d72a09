from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents.views.serve import authenticate_with_password

from assets import urls as asset_urls
from assets.views import VisibleImageServeView, serve_document
from cms.api.oai.views import oai_pmh
from cms.api.router import api_router
from cms.api.v3.api import api as api_v3
from cms.pages.urls import root_urlpatterns as hub_root_urlpatterns
from cms.pages.views import assets as hub_asset_views

urlpatterns = [
    path("", include("config.operations.urls")),
    path("admin/", include(wagtailadmin_urls)),
    # Wagtail's document URLs, served by our view: access check, ranges, the original name.
    re_path(r"^documents/(\d+)/(.*)$", serve_document, name="wagtaildocs_serve"),
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        authenticate_with_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    # Wagtail's signed image URLs, ending with the image's file name (`generate_image_url`).
    re_path(
        r"^images/(?P<signature>[^/]+)/(?P<image_id>\d+)/(?P<filter_spec>[^/]+)/(?:[^/]*)$",
        VisibleImageServeView.as_view(),
        name="wagtailimages_serve",
    ),
    path("assets/", include(asset_urls)),
    path("api/v2/", api_router.urls),
    path("api/v3/", api_v3.urls),
    path("feeds/", include("cms.api.feed_urls")),
    path("oai", oai_pmh, name="oai_pmh"),
    path("api/search/", include("search.urls")),
    path("api/duplicates/", include("search.duplicates.urls")),
    # Choosing a language needs no CSRF token: the worst a forged request can do is switch the
    # visitor's language, and a token in a page would keep it out of the page cache.
    path("i18n/setlang/", csrf_exempt(set_language), name="set_language"),
    *hub_root_urlpatterns,
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

urlpatterns += i18n_patterns(
    path("", include("cms.pages.urls")),
    path("library/<str:kind>/<int:pk>/", hub_asset_views.asset_by_kind, name="hub_asset"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
