"""Logistics provider callbacks: tracking events (no language prefix; verified per provider)."""

from __future__ import annotations

from django.urls import path

from odopmart.logistics import webhook_views

urlpatterns = [
    # The path avoids the provider's brand name: Shiprocket reportedly refuses URLs with it.
    path(
        "sr/",
        webhook_views.tracking_webhook,
        {"provider": "shiprocket"},
        name="logistics_webhook_shiprocket",
    ),
    path(
        "delhivery/",
        webhook_views.tracking_webhook,
        {"provider": "delhivery"},
        name="logistics_webhook_delhivery",
    ),
]
