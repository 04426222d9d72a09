"""The project's URLs plus Wagtail's stock API v2 images endpoint at /stock/v2/images/ (no
visibility rule, no extra fields: Wagtail's own, for comparison only)."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.images.api.v2.views import ImagesAPIViewSet

from config.urls import urlpatterns as project_urls

stock = WagtailAPIRouter("stockapi")
stock.register_endpoint("images", ImagesAPIViewSet)
urlpatterns = [path("stock/v2/", stock.urls), *project_urls]
