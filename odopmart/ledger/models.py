"""The marketplace's books: a double-entry ledger, and the rules of law and contract that post
to it (withholding and tax rates with effective dates, commission, the artisans' share).

Every money event posts one JournalEntry whose Postings sum to zero; an entry is keyed by what
caused it (`dedupe_key`), so posting the same event twice records it once.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from odopmart.catalog.models import Category
from odopmart.sellers.models import Artisan, Vendor


class AccountKind(models.TextChoices):
    GATEWAY_CLEARING = "gateway_clearing", _("Gateway clearing")  # asset: held by the gateway
    BANK = "bank", _("Operator's bank")  # asset
    COD_RECEIVABLE = "cod_receivable", _("COD receivable from the logistics partner")  # asset
    BUYER_RECEIPTS = "buyer_receipts", _("Buyer receipts (not yet earned)")  # liability
    REFUNDS_PAYABLE = "refunds_payable", _("Refunds payable to buyers")  # liability
    VENDOR_PAYABLE = "vendor_payable", _("Payable to vendor")  # liability, per vendor
    ARTISAN_PAYABLE = "artisan_payable", _("Payable to artisan")  # liability, per artisan
    COMMISSION_INCOME = "commission_income", _("Commission income")  # income
    GST_ON_COMMISSION = "gst_on_commission", _("GST on commission payable")  # liability
    TCS_PAYABLE = "tcs_payable", _("TCS payable (GST s.52)")  # liability
    TDS_PAYABLE = "tds_payable", _("TDS payable (s.194-O)")  # liability


class LedgerAccount(models.Model):
    kind = models.CharField(_("kind"), max_length=20, choices=AccountKind.choices)
    vendor = models.ForeignKey(
        Vendor, on_delete=models.PROTECT, null=True, blank=True, related_name="ledger_accounts"
    )
    artisan = models.ForeignKey(
        Artisan, on_delete=models.PROTECT, null=True, blank=True, related_name="ledger_accounts"
    )

    class Meta:
        verbose_name = _("ledger account")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "vendor", "artisan"],
                name="ledgeraccount_unique",
                nulls_distinct=False,
            ),
        ]

    def __str__(self) -> str:
        party = self.vendor or self.artisan
        return f"{self.get_kind_display()}{f' — {party}' if party else ''}"


class JournalEntry(models.Model):
    kind = models.CharField(_("kind"), max_length=30)  # payment_captured, refund, commission…
    dedupe_key = models.CharField(max_length=200, unique=True)
    memo = models.CharField(_("memo"), max_length=255, blank=True)
    # What caused it, for tracing an order's money line by line.
    order = models.ForeignKey(
        "orders.Order", on_delete=models.PROTECT, null=True, blank=True,
        related_name="journal_entries",
    )  # fmt: skip
    seller_order = models.ForeignKey(
        "orders.SellerOrder", on_delete=models.PROTECT, null=True, blank=True,
        related_name="journal_entries",
    )  # fmt: skip
    item = models.ForeignKey(
        "orders.OrderItem", on_delete=models.PROTECT, null=True, blank=True,
        related_name="journal_entries",
    )  # fmt: skip
    # The date the event happened (rates are taken as of this date).
    occurred_on = models.DateField(_("date"))
    created_at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("journal entry")
        verbose_name_plural = _("journal entries")
        indexes = [models.Index(fields=["kind", "occurred_on"], name="journal_kind_date")]

    def __str__(self) -> str:
        return f"{self.kind} {self.dedupe_key}"


class Posting(models.Model):
    """One side of an entry: positive = debit, negative = credit (paise)."""

    entry = models.ForeignKey(JournalEntry, on_delete=models.PROTECT, related_name="postings")
    account = models.ForeignKey(LedgerAccount, on_delete=models.PROTECT, related_name="postings")
    amount_paise = models.BigIntegerField()

    class Meta:
        ordering = ["entry", "pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(amount_paise=0), name="posting_nonzero"),
        ]

    def __str__(self) -> str:
        return f"{self.account}: {self.amount_paise}"


class StatutoryRateKind(models.TextChoices):
    TCS_INTRA = "tcs_intra", _("TCS, intra-state (CGST + SGST together)")
    TCS_INTER = "tcs_inter", _("TCS, inter-state (IGST)")
    TDS_194O = "tds_194o", _("Income-tax TDS on e-commerce sales")
    TDS_194O_NO_PAN = "tds_194o_no_pan", _("TDS on e-commerce sales, no PAN/Aadhaar")
    GST_ON_COMMISSION = "gst_on_commission", _("GST on the operator's commission")


class StatutoryRate(models.Model):
    """A rate the law sets, in force between dates (rules of law are data, never literals)."""

    kind = models.CharField(_("kind"), max_length=20, choices=StatutoryRateKind.choices)
    rate_bp = models.PositiveIntegerField(_("rate (basis points)"))
    effective_from = models.DateField(_("in force from"))
    effective_to = models.DateField(_("in force until"), null=True, blank=True)
    # How the law is cited; a new Act renumbers sections, so it is data too.
    legal_reference = models.CharField(_("legal reference"), max_length=200, blank=True)
    source = models.CharField(_("source"), max_length=255, blank=True)

    class Meta:
        ordering = ["kind", "-effective_from"]
        verbose_name = _("statutory rate")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "effective_from"], name="statutoryrate_unique_from"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.rate_bp / 100:g}% from {self.effective_from}"


class CommissionRule(models.Model):
    """The operator's commission on the taxable value; the most specific rule in force wins
    (vendor + category, then vendor, then category, then the default with both empty)."""

    vendor = models.ForeignKey(
        Vendor, on_delete=models.CASCADE, null=True, blank=True, related_name="commission_rules"
    )
    category = models.ForeignKey(
        Category, on_delete=models.CASCADE, null=True, blank=True,
        related_name="commission_rules",
    )  # fmt: skip
    rate_bp = models.PositiveIntegerField(_("commission (basis points)"))
    effective_from = models.DateField(_("in force from"))
    effective_to = models.DateField(_("in force until"), null=True, blank=True)

    class Meta:
        ordering = ["-effective_from"]
        verbose_name = _("commission rule")
        constraints = [
            models.CheckConstraint(condition=Q(rate_bp__lte=10000), name="commission_rate_sane"),
        ]

    def __str__(self) -> str:
        return f"{self.rate_bp / 100:g}% {self.vendor or ''} {self.category or ''}".strip()


class ArtisanShareRule(models.Model):
    """What a vendor owes its artisans for their delivered items, as a share of taxable value."""

    vendor = models.ForeignKey(Vendor, on_delete=models.CASCADE, related_name="artisan_share_rules")
    rate_bp = models.PositiveIntegerField(_("artisan's share (basis points)"))
    effective_from = models.DateField(_("in force from"))

    class Meta:
        ordering = ["vendor", "-effective_from"]
        verbose_name = _("artisan share rule")
        constraints = [
            models.CheckConstraint(condition=Q(rate_bp__lte=10000), name="artisanshare_sane"),
            models.UniqueConstraint(
                fields=["vendor", "effective_from"], name="artisanshare_unique_from"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.vendor}: {self.rate_bp / 100:g}% from {self.effective_from}"
