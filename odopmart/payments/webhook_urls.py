"""Payment provider webhooks (no language prefix, no session, no CSRF: verified by signature)."""

from __future__ import annotations

from django.urls import URLPattern, path

from odopmart.payments import views

urlpatterns: list[URLPattern] = [
    # /webhooks/payments/razorpay/ (set this in Razorpay's dashboard) and /sandbox/.
    path("<slug:provider>/", views.payment_webhook_view, name="payments_webhook"),
]
