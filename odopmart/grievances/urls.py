"""/grievance/: the grievance officer, the complaint form and the status page."""

from __future__ import annotations

from django.urls import path

from odopmart.grievances import views

app_name = "grievances"

urlpatterns = [
    path("", views.officer, name="officer"),
    path("complaint/", views.complain, name="complain"),
    path("complaint/received/", views.submitted, name="submitted"),
    path("status/", views.status, name="status"),
]
