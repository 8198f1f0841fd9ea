"""/seller/settlements/ (inside the seller centre's namespace)."""

from __future__ import annotations

from django.urls import path

from odopmart.settlements import views

urlpatterns = [
    path("", views.home, name="settlements"),
    # A vendor's statements and its artisans' shares.
    path("v/<int:vendor_id>/", views.vendor_settlements, name="settlements_vendor"),
    path("<int:pk>/", views.settlement_detail, name="settlement"),
    path("<int:pk>.csv", views.settlement_csv, name="settlement_csv"),
    path(
        "shares/<int:pk>/mark-paid/",
        views.artisan_share_mark_paid,
        name="settlements_share_mark_paid",
    ),
    # Finance staff.
    path("batches/", views.batches, name="settlements_batches"),
    path("batches/run/", views.run_now, name="settlements_run"),
    path("batches/<int:pk>/", views.batch_detail, name="settlements_batch"),
    path("batches/<int:pk>/bank.csv", views.batch_bank_file, name="settlements_bank_file"),
    path("batches/<int:pk>/bank-result/", views.batch_bank_result, name="settlements_bank_result"),
    path("payouts/<int:pk>/paid/", views.payout_mark_paid, name="settlements_payout_paid"),
    path(
        "payouts/<int:pk>/refused/", views.payout_mark_rejected, name="settlements_payout_refused"
    ),
    path("payouts/<int:pk>/again/", views.payout_pay_again, name="settlements_payout_again"),
    path("cod/", views.cod_files, name="settlements_cod"),
    path("cod/<int:pk>/", views.cod_file_detail, name="settlements_cod_file"),
]
