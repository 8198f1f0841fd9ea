"""Seller centre: a vendor's orders, and returns to decide (under /seller/orders/)."""

from __future__ import annotations

from django.urls import path

from odopmart.sellercentre import order_views as views

urlpatterns = [
    path("", views.seller_order_list, name="orders"),
    path("<int:seller_order_id>/", views.seller_order_detail, name="order_detail"),
    path("<int:seller_order_id>/cancel/", views.seller_order_cancel, name="order_cancel"),
    path("<int:seller_order_id>/<slug:action>/", views.seller_order_act, name="order_act"),
    path("returns/", views.return_list, name="order_returns"),
    path("returns/<int:return_id>/", views.return_detail, name="order_return"),
    path("returns/<int:return_id>/received/", views.return_receive, name="order_return_receive"),
]
