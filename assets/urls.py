from django.urls import path

from . import views

app_name = "assets"
urlpatterns = [
    path("files/<path:name>", views.serve_stored_file, name="file"),
]
