"""SMS and voice provider callbacks: delivery reports and IVR keypresses."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
