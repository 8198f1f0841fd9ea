"""/seller/invoices/ (inside the seller centre's namespace): documents and their PDFs."""

from __future__ import annotations

from django.urls import path

from odopmart.invoicing import views

urlpatterns = [
    path("", views.invoice_list, name="invoices"),
    path("<slug:kind>/<int:pk>.pdf", views.document_download, name="invoice_pdf"),
    # The buyer's (or guest's) copy of their own order's documents.
    path(
        "order/<str:number>/<slug:kind>/<int:pk>.pdf",
        views.buyer_document_download,
        name="invoice_buyer_pdf",
    ),
]
