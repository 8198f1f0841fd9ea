"""Seller centre: a vendor's orders, and returns to decide."""

from __future__ import annotations

from django.urls import URLPattern

urlpatterns: list[URLPattern] = []
