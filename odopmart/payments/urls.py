"""Buyer-facing payment pages: the gateway hand-off, the sandbox gateway and the return."""

from __future__ import annotations

from django.urls import URLPattern

app_name = "payments"

urlpatterns: list[URLPattern] = []
