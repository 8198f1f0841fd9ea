"""/seller/finance/ (inside the seller centre's namespace): the operator's books."""

from __future__ import annotations

from django.urls import path

from odopmart.ledger import views

urlpatterns = [
    path("", views.index, name="finance"),
    path("gstr8/", views.gstr8, name="finance_gstr8"),
    path("tds/", views.tds, name="finance_tds"),
    path("sales-register/", views.sales_register, name="finance_sales_register"),
    path("orders/<str:number>/", views.order_trace, name="finance_order"),
]
