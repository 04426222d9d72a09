"""Routes of the tus server, included under /assets/uploads/ by assets.urls."""

from django.urls import path

from . import views

urlpatterns = [
    path("uploads/", views.UploadsView.as_view(), name="uploads"),
    path("uploads/check", views.ExistingBytesView.as_view(), name="uploads-check"),
    path("uploads/<uuid:upload_id>", views.UploadView.as_view(), name="upload"),
]
