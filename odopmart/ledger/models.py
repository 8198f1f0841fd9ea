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
            # One account per kind and party. Spelt as three partial constraints because SQLite
            # has no nulls_distinct=False.
            models.UniqueConstraint(
                fields=["kind"],
                condition=Q(vendor__isnull=True, artisan__isnull=True),
                name="ledgeraccount_unique_operator",
            ),
            models.UniqueConstraint(
                fields=["kind", "vendor"],
                condition=Q(vendor__isnull=False, artisan__isnull=True),
                name="ledgeraccount_unique_vendor",
            ),
            models.UniqueConstraint(
                fields=["kind", "artisan"],
                condition=Q(artisan__isnull=False, vendor__isnull=True),
                name="ledgeraccount_unique_artisan",
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


class ItemAccrual(models.Model):
    """What one delivered item earned once its return window closed: the figures the ledger
    posted for it, kept per item so statements, reports and settlements read them instead of
    recomputing (rates change; these do not).

    A returned item gets a row too (``returned``): its line earns nothing, but its share of the
    seller order's shipping, which was not refunded, is the vendor's; the GSTR-8 statement reads
    its taxable value as a return.

    Rates are those in force on ``supplied_on`` (the date the buyer paid, or the order was
    placed for cash on delivery); the ledger entries are dated ``recognised_on``.
    """

    item = models.OneToOneField(
        "orders.OrderItem", on_delete=models.PROTECT, related_name="accrual"
    )
    order = models.ForeignKey("orders.Order", on_delete=models.PROTECT, related_name="+")
    seller_order = models.ForeignKey(
        "orders.SellerOrder", on_delete=models.PROTECT, related_name="accruals"
    )
    vendor = models.ForeignKey(Vendor, on_delete=models.PROTECT, related_name="accruals")
    artisan = models.ForeignKey(Artisan, on_delete=models.PROTECT, related_name="accruals")
    supplied_on = models.DateField(_("date of supply"))
    recognised_on = models.DateField(_("recognised on"))
    recognised_at = models.DateTimeField(_("recognised at"), default=timezone.now)
    # The supplier as it stood (registration, identifiers) and where the goods went.
    supplier_registration = models.CharField(max_length=24)
    vendor_gstin = models.CharField(max_length=15, blank=True)
    vendor_pan = models.CharField(max_length=10, blank=True)
    enrolment_number = models.CharField(max_length=20, blank=True)
    supply_type = models.CharField(max_length=5)  # intra / inter
    place_of_supply_code = models.CharField(max_length=2)
    returned = models.BooleanField(_("returned"), default=False)
    # Amounts in paise. gross = what moves from buyer receipts to the vendor (incl. GST).
    line_total_paise = models.BigIntegerField()
    shipping_paise = models.BigIntegerField(default=0)  # this item's share, incl. GST
    shipping_taxable_paise = models.BigIntegerField(default=0)
    gross_paise = models.BigIntegerField()
    taxable_paise = models.BigIntegerField()  # supplied: line + shipping share, excl. GST
    returned_taxable_paise = models.BigIntegerField(default=0)
    net_taxable_paise = models.BigIntegerField()  # TCS and TDS base
    commission_base_paise = models.BigIntegerField(default=0)
    commission_rate_bp = models.PositiveIntegerField(default=0)
    commission_paise = models.BigIntegerField(default=0)
    gst_on_commission_rate_bp = models.PositiveIntegerField(default=0)
    commission_cgst_paise = models.BigIntegerField(default=0)
    commission_sgst_paise = models.BigIntegerField(default=0)
    commission_igst_paise = models.BigIntegerField(default=0)
    tcs_rate = models.ForeignKey(
        StatutoryRate, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    tcs_rate_bp = models.PositiveIntegerField(default=0)
    tcs_cgst_paise = models.BigIntegerField(default=0)
    tcs_sgst_paise = models.BigIntegerField(default=0)
    tcs_igst_paise = models.BigIntegerField(default=0)
    tds_rate = models.ForeignKey(
        StatutoryRate, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    tds_rate_bp = models.PositiveIntegerField(default=0)
    tds_paise = models.BigIntegerField(default=0)
    artisan_share_bp = models.PositiveIntegerField(default=0)
    artisan_share_paise = models.BigIntegerField(default=0)
    vendor_net_paise = models.BigIntegerField()

    class Meta:
        ordering = ["recognised_at", "pk"]
        verbose_name = _("item accrual")
        indexes = [
            models.Index(fields=["recognised_on", "vendor"], name="accrual_month_vendor"),
            models.Index(fields=["vendor", "recognised_on"], name="accrual_vendor_month"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    vendor_net_paise=models.F("gross_paise")
                    - models.F("commission_paise")
                    - models.F("commission_cgst_paise")
                    - models.F("commission_sgst_paise")
                    - models.F("commission_igst_paise")
                    - models.F("tcs_cgst_paise")
                    - models.F("tcs_sgst_paise")
                    - models.F("tcs_igst_paise")
                    - models.F("tds_paise")
                    - models.F("artisan_share_paise")
                ),
                name="accrual_net_adds_up",
            ),
        ]

    def __str__(self) -> str:
        return f"accrual {self.item_id}: {self.gross_paise}"

    @property
    def gst_on_commission_paise(self) -> int:
        return self.commission_cgst_paise + self.commission_sgst_paise + self.commission_igst_paise

    @property
    def tcs_paise(self) -> int:
        return self.tcs_cgst_paise + self.tcs_sgst_paise + self.tcs_igst_paise
