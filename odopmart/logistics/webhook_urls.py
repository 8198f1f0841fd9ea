"""Logistics provider callbacks: tracking events (no language prefix; verified per provider)."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
