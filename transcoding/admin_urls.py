from django.urls import path

from . import views

app_name = "transcoding"
urlpatterns = [
    path("", views.jobs_index, name="index"),
    path("<str:app_label>/<str:model_name>/<int:pk>/", views.asset_jobs, name="asset_jobs"),
    path("jobs/<int:job_id>/retry/", views.retry, name="retry"),
    path("jobs/<int:job_id>/cancel/", views.cancel, name="cancel"),
    path("notifications/read/", views.mark_notifications_read, name="notifications_read"),
]
