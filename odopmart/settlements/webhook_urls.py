"""Payout provider webhooks (no language prefix, no session, no CSRF: verified by signature)."""

from __future__ import annotations

from django.urls import URLPattern, path

from odopmart.settlements import views

urlpatterns: list[URLPattern] = [
    # /webhooks/settlements/razorpayx/ (set this in the RazorpayX dashboard).
    path("<slug:provider>/", views.payout_webhook_view, name="settlements_webhook"),
]
