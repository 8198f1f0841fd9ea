"""GST documents: tax invoices (in the vendor's name, per seller order), credit notes, and the
operator's commission invoices to vendors. Each comes from a number series that never repeats
or skips within a financial year (CGST rule 46(b)).

A document is a frozen snapshot: the supplier, recipient and lines as they were when issued.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from odopmart.orders.models import OrderItem, ReturnRequest, SellerOrder
from odopmart.sellers.models import Vendor


class DocumentKind(models.TextChoices):
    TAX_INVOICE = "tax_invoice", _("Tax invoice")
    BILL_OF_SUPPLY = "bill_of_supply", _("Bill of supply")  # unregistered (enrolled) supplier
    CREDIT_NOTE = "credit_note", _("Credit note")
    COMMISSION_INVOICE = "commission_invoice", _("Commission invoice")


class InvoiceSeries(models.Model):
    """One running serial per issuer (vendor, or the operator when empty), kind and FY."""

    vendor = models.ForeignKey(
        Vendor, on_delete=models.PROTECT, null=True, blank=True, related_name="invoice_series"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    financial_year = models.CharField(_("financial year"), max_length=7)  # "2026-27"
    prefix = models.CharField(_("prefix"), max_length=10)
    last_serial = models.PositiveIntegerField(_("last number issued"), default=0)

    class Meta:
        verbose_name = _("invoice series")
        verbose_name_plural = _("invoice series")
        constraints = [
            # Two constraints rather than nulls_distinct=False, which SQLite lacks: the
            # operator's own series (no vendor) are unique too.
            models.UniqueConstraint(
                fields=["vendor", "kind", "financial_year"], name="invoiceseries_unique"
            ),
            models.UniqueConstraint(
                fields=["kind", "financial_year"],
                condition=Q(vendor__isnull=True),
                name="invoiceseries_operator_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.prefix} ({self.financial_year})"


class GstDocument(models.Model):
    """Fields every GST document shares."""

    series = models.ForeignKey(InvoiceSeries, on_delete=models.PROTECT, related_name="+")
    serial = models.PositiveIntegerField(_("serial"))
    # Rule 46(b): at most 16 characters, letters, digits, "-" and "/"; unique within the FY.
    number = models.CharField(_("number"), max_length=16)
    issued_on = models.DateField(_("date of issue"))
    supplier = models.JSONField(_("supplier"))  # name, address, GSTIN, state + code
    recipient = models.JSONField(_("recipient"))  # name, address, state + code, GSTIN if any
    place_of_supply_code = models.CharField(_("place of supply (state code)"), max_length=2)
    place_of_supply_name = models.CharField(_("place of supply"), max_length=80)
    lines = models.JSONField(_("lines"), default=list)
    taxable_total_paise = models.BigIntegerField(_("taxable value (paise)"), default=0)
    cgst_total_paise = models.BigIntegerField(_("CGST (paise)"), default=0)
    sgst_total_paise = models.BigIntegerField(_("SGST (paise)"), default=0)
    igst_total_paise = models.BigIntegerField(_("IGST (paise)"), default=0)
    grand_total_paise = models.BigIntegerField(_("total (paise)"), default=0)
    # The remaining particulars as printed: reverse charge, amount in words, the operator's
    # GSTIN, the HSN length printed, the signature line, references to the order or invoice.
    details = models.JSONField(_("particulars"), default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["-issued_on", "-serial"]

    def __str__(self) -> str:
        return self.number


class TaxInvoice(GstDocument):
    """Issued by the vendor (its GSTIN) for one seller order; the artisan is named as maker."""

    seller_order = models.OneToOneField(
        SellerOrder, on_delete=models.PROTECT, related_name="tax_invoice"
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=DocumentKind.choices, default=DocumentKind.TAX_INVOICE
    )

    class Meta(GstDocument.Meta):
        verbose_name = _("tax invoice")
        constraints = [
            models.UniqueConstraint(fields=["series", "serial"], name="taxinvoice_serial_unique"),
        ]


class CreditNote(GstDocument):
    """Reduces an invoice for a cancelled or returned item (CGST s.34)."""

    invoice = models.ForeignKey(TaxInvoice, on_delete=models.PROTECT, related_name="credit_notes")
    item = models.ForeignKey(
        OrderItem, on_delete=models.PROTECT, null=True, blank=True, related_name="credit_notes"
    )
    return_request = models.ForeignKey(
        ReturnRequest, on_delete=models.PROTECT, null=True, blank=True,
        related_name="credit_notes",
    )  # fmt: skip
    reason = models.CharField(_("reason"), max_length=200)
    # What caused it, so the same cancellation or return is credited once.
    dedupe_key = models.CharField(max_length=120, unique=True)

    class Meta(GstDocument.Meta):
        verbose_name = _("credit note")
        constraints = [
            models.UniqueConstraint(fields=["series", "serial"], name="creditnote_serial_unique"),
        ]


class CommissionInvoice(GstDocument):
    """The operator's invoice to a vendor for its commission over a period (GST at the rate in
    force on the commission)."""

    vendor = models.ForeignKey(Vendor, on_delete=models.PROTECT, related_name="commission_invoices")
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))

    class Meta(GstDocument.Meta):
        verbose_name = _("commission invoice")
        constraints = [
            models.UniqueConstraint(
                fields=["series", "serial"], name="commissioninvoice_serial_unique"
            ),
            models.UniqueConstraint(
                fields=["vendor", "period_start", "period_end"],
                name="commissioninvoice_one_per_period",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="commissioninvoice_period_order",
            ),
        ]


class HsnDigits(models.IntegerChoices):
    """Notification 78/2020-CT: turnover up to ₹5 crore in the preceding year → 4 digits (which
    may be left off B2C invoices, but we print them); above → 6 digits; 8 for the full item."""

    FOUR = 4, _("4 digits (turnover up to ₹5 crore)")
    SIX = 6, _("6 digits (turnover above ₹5 crore)")
    EIGHT = 8, _("8 digits (full tariff item)")


class VendorInvoiceSetting(models.Model):
    """How a vendor's invoices are printed. No row: 4-digit HSN."""

    vendor = models.OneToOneField(Vendor, on_delete=models.CASCADE, related_name="invoice_setting")
    hsn_digits = models.PositiveSmallIntegerField(
        _("HSN digits printed"), choices=HsnDigits.choices, default=HsnDigits.FOUR
    )

    class Meta:
        verbose_name = _("vendor invoice setting")

    def __str__(self) -> str:
        return f"{self.vendor}: {self.hsn_digits}"
