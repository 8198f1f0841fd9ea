from __future__ import annotations

from django.contrib import admin

from odopmart.invoicing.models import CommissionInvoice, CreditNote, InvoiceSeries, TaxInvoice


class ReadOnlyDocumentAdmin(admin.ModelAdmin):
    """Issued documents are never edited; a mistake is corrected by a credit note."""

    list_display = ("number", "issued_on", "grand_total_paise")
    search_fields = ("number",)
    date_hierarchy = "issued_on"

    def has_add_permission(self, request) -> bool:  # noqa: ANN001
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # noqa: ANN001
        return False


@admin.register(InvoiceSeries)
class InvoiceSeriesAdmin(admin.ModelAdmin):
    list_display = ("prefix", "vendor", "kind", "financial_year", "last_serial")
    list_filter = ("kind", "financial_year")
    readonly_fields = ("last_serial",)
    raw_id_fields = ("vendor",)


@admin.register(TaxInvoice)
class TaxInvoiceAdmin(ReadOnlyDocumentAdmin):
    list_display = ("number", "issued_on", "seller_order", "kind", "grand_total_paise")
    raw_id_fields = ("seller_order",)


@admin.register(CreditNote)
class CreditNoteAdmin(ReadOnlyDocumentAdmin):
    list_display = ("number", "issued_on", "invoice", "reason", "grand_total_paise")


@admin.register(CommissionInvoice)
class CommissionInvoiceAdmin(ReadOnlyDocumentAdmin):
    list_display = ("number", "issued_on", "vendor", "period_start", "period_end")
