"""The project's URLs with the upload routes, for a checkout where assets.urls lacks them."""

from django.urls import include, path

from assets import urls as asset_urls
from assets.tus import urls as tus_urls
from config import urls as project_urls

urlpatterns = [
    path("assets/", include((asset_urls.urlpatterns + tus_urls.urlpatterns, "assets"))),
    *project_urls.urlpatterns,
]
