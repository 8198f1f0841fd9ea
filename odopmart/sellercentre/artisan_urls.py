"""The artisan's own page (included under /seller/me/ in the seller-centre namespace)."""

from __future__ import annotations

from django.urls import path

from odopmart.sellercentre import artisan_views as views

urlpatterns = [
    path("", views.artisan_home, name="artisan_home"),
    path("stock/<int:variant_id>/", views.artisan_stock, name="artisan_stock"),
]
