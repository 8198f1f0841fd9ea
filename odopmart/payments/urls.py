"""Buyer-facing payment pages: the gateway hand-off, the sandbox gateway and the return."""

from __future__ import annotations

from django.urls import URLPattern, path

from odopmart.payments import views

app_name = "payments"

urlpatterns: list[URLPattern] = [
    path("sandbox/<str:gateway_order_id>/", views.sandbox_gateway_view, name="sandbox_gateway"),
    path("return/<slug:provider>/", views.payment_return_view, name="return"),
    path("<str:number>/", views.payment_start_view, name="start"),
    path("<str:number>/status/", views.payment_status_view, name="status"),
]
