"""Certificates of origin: the printable certificate and the public verification page."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "certificates"

urlpatterns: list[URLPattern] = []
