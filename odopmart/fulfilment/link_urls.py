"""The artisan's one-screen link page (short, signed, expiring; no sign-in; no language prefix:
it speaks the artisan's own language)."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
