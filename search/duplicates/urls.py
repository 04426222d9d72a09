from django.urls import path

from . import views

app_name = "duplicates"
urlpatterns = [
    path("check", views.CheckView.as_view(), name="check"),
    path("checks/<str:token>", views.CheckStateView.as_view(), name="check_state"),
    path("decisions", views.DecisionView.as_view(), name="decisions"),
]
