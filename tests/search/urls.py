"""The search URLs mounted where config/urls.py is expected to mount them."""

from django.urls import include, path

urlpatterns = [path("api/search/", include("search.urls"))]
