"""Payment provider webhooks (no language prefix, no session, no CSRF: verified by signature)."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
