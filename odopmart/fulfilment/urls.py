"""Helpline queue and readiness pages for staff and vendors."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "fulfilment"

urlpatterns: list[URLPattern] = []
