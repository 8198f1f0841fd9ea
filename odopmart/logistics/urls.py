"""Staff and seller pages for shipments: booking, labels, operator-entered AWB and status."""

from __future__ import annotations

from django.urls import path

from odopmart.logistics import views

app_name = "logistics"

urlpatterns = [
    path("", views.shipment_list, name="list"),
    path("<int:shipment_id>/", views.shipment_detail, name="detail"),
    path("<int:shipment_id>/label.pdf", views.shipment_label, name="label"),
    path("<int:shipment_id>/manual/", views.shipment_manual_update, name="manual_update"),
    path("<int:shipment_id>/cancel/", views.shipment_cancel, name="cancel"),
    path("<int:shipment_id>/retry/", views.shipment_retry, name="retry"),
    path("book/<int:seller_order_id>/<int:artisan_id>/", views.shipment_book, name="book"),
]
