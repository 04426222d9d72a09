from django.urls import path

from . import views

app_name = "duplicates"
urlpatterns = [
    path("check", views.CheckView.as_view(), name="check"),
    path("decisions", views.DecisionView.as_view(), name="decisions"),
]
