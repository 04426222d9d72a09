from django.urls import path

from . import views

app_name = "library_search"
urlpatterns = [
    path("", views.search_view, name="search"),
    path("autocomplete/", views.autocomplete_view, name="autocomplete"),
]
