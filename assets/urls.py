from django.urls import include, path

from . import views

app_name = "assets"
urlpatterns = [
    path("files/<path:name>", views.serve_stored_file, name="file"),
    path("", include("assets.tus.urls")),
]
