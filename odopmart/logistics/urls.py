"""Staff and seller pages for shipments: booking, labels, operator-entered AWB and status."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "logistics"

urlpatterns: list[URLPattern] = []
