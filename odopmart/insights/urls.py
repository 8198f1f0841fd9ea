"""/seller/insights/ (inside the seller centre's namespace)."""

from __future__ import annotations

from django.urls import path

from odopmart.insights import views

urlpatterns = [path("", views.dashboard, name="insights")]
