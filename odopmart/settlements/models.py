"""Settlements: paying each vendor (and artisan) what the books say they have earned, and
reconciling the cash the logistics partner collected on delivery.

A settlement run takes every recognised ``ItemAccrual`` not yet settled, groups it per vendor
into a ``Settlement`` (its statement figures are sums of the accruals, never recomputed) and
links each accrual to it once (``SettlementItem``, unique). Money leaves through a ``Payout``
(the manual bank-transfer file or RazorpayX), keyed by an idempotency key that is sent to the
provider, so a retry never pays twice.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from odopmart.core.models import AuditEvent
from odopmart.sellers.models import Artisan, Vendor, private_storage


class BatchStatus(models.TextChoices):
    OPEN = "open", _("Being paid")
    DONE = "done", _("Paid")


class SettlementStatus(models.TextChoices):
    DUE = "due", _("Due")
    PAID = "paid", _("Paid")
    FAILED = "failed", _("Payment failed")
    RECONCILED = "reconciled", _("Paid and reconciled")


class PayoutStatus(models.TextChoices):
    PENDING = "pending", _("Being sent")  # ours: not yet accepted by the provider
    QUEUED = "queued", _("Queued")
    PROCESSING = "processing", _("Processing")
    PROCESSED = "processed", _("Processed")
    REVERSED = "reversed", _("Reversed")
    REJECTED = "rejected", _("Rejected")
    FAILED = "failed", _("Failed")


# A payout in one of these may still move money (or already has): at most one per target.
LIVE_PAYOUT_STATUSES = (
    PayoutStatus.PENDING,
    PayoutStatus.QUEUED,
    PayoutStatus.PROCESSING,
    PayoutStatus.PROCESSED,
)
FINAL_PAYOUT_STATUSES = (
    PayoutStatus.PROCESSED,
    PayoutStatus.REVERSED,
    PayoutStatus.REJECTED,
    PayoutStatus.FAILED,
)


class ArtisanPayoutStatus(models.TextChoices):
    DUE = "due", _("Due")
    PAID = "paid", _("Paid by the marketplace")
    PAID_BY_VENDOR = "paid_by_vendor", _("Paid by the seller")


def bank_file_path(instance: SettlementBatch, filename: str) -> str:
    return f"settlements/bank/{instance.created_at:%Y%m}/{filename}"


def cod_file_path(instance: CodRemittanceFile, filename: str) -> str:
    return f"settlements/cod/{instance.uploaded_at:%Y%m}/{instance.sha256[:16]}.csv"


class SettlementBatch(models.Model):
    """One settlement run: everything recognised up to ``cut_off`` and not settled before."""

    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    cut_off = models.DateTimeField(_("recognised up to"))
    provider = models.CharField(_("payout provider"), max_length=20)
    status = models.CharField(
        _("status"), max_length=10, choices=BatchStatus.choices, default=BatchStatus.OPEN
    )
    # The manual provider's transfer instructions for the operator's bank (CSV).
    bank_file = models.FileField(
        _("bank transfer file"), storage=private_storage, upload_to=bank_file_path,
        max_length=200, blank=True,
    )  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("settlement batch")
        verbose_name_plural = _("settlement batches")

    def __str__(self) -> str:
        return f"batch {self.pk} ({self.created_at:%Y-%m-%d})"


class Settlement(models.Model):
    """What one vendor is paid in one batch, with its statement (paise, sums of accruals)."""

    batch = models.ForeignKey(SettlementBatch, on_delete=models.PROTECT, related_name="settlements")
    vendor = models.ForeignKey(Vendor, on_delete=models.PROTECT, related_name="settlements")
    status = models.CharField(
        _("status"), max_length=12, choices=SettlementStatus.choices,
        default=SettlementStatus.DUE,
    )  # fmt: skip
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    item_count = models.PositiveIntegerField(_("items"), default=0)
    sales_paise = models.BigIntegerField(_("sales"), default=0)  # lines + shipping, incl. GST
    returns_paise = models.BigIntegerField(_("returns"), default=0)
    gross_paise = models.BigIntegerField(_("gross"), default=0)  # sales - returns
    commission_paise = models.BigIntegerField(_("commission"), default=0)
    gst_on_commission_paise = models.BigIntegerField(_("GST on commission"), default=0)
    tcs_paise = models.BigIntegerField(_("TCS"), default=0)
    tds_paise = models.BigIntegerField(_("TDS"), default=0)
    artisan_share_paise = models.BigIntegerField(_("artisans' shares"), default=0)
    # Artisans' shares the vendor paid itself (marked paid), given back to the vendor.
    artisan_reimbursed_paise = models.BigIntegerField(_("artisans' shares you paid"), default=0)
    net_paise = models.BigIntegerField(_("net payable"), default=0)
    last_problem = models.TextField(_("last problem"), blank=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    utr = models.CharField(_("UTR"), max_length=40, blank=True)

    class Meta:
        ordering = ["-batch__created_at", "vendor__name_en", "pk"]
        verbose_name = _("settlement")
        constraints = [
            models.UniqueConstraint(fields=["batch", "vendor"], name="settlement_one_per_vendor"),
            models.CheckConstraint(
                condition=Q(
                    net_paise=models.F("gross_paise")
                    - models.F("commission_paise")
                    - models.F("gst_on_commission_paise")
                    - models.F("tcs_paise")
                    - models.F("tds_paise")
                    - models.F("artisan_share_paise")
                    + models.F("artisan_reimbursed_paise")
                ),
                name="settlement_net_adds_up",
            ),
            models.CheckConstraint(
                condition=Q(gross_paise=models.F("sales_paise") - models.F("returns_paise")),
                name="settlement_gross_adds_up",
            ),
        ]

    def __str__(self) -> str:
        return f"settlement {self.pk} {self.vendor_id}: {self.net_paise}"

    @property
    def deductions_paise(self) -> int:
        return (
            self.commission_paise
            + self.gst_on_commission_paise
            + self.tcs_paise
            + self.tds_paise
            + self.artisan_share_paise
        )

    @property
    def net_of_sales_paise(self) -> int:
        return self.gross_paise - self.deductions_paise


class ArtisanPayout(models.Model):
    """An artisan's share of their items settled in one batch, and how it was paid."""

    batch = models.ForeignKey(
        SettlementBatch, on_delete=models.PROTECT, related_name="artisan_payouts"
    )
    artisan = models.ForeignKey(Artisan, on_delete=models.PROTECT, related_name="payouts")
    vendor = models.ForeignKey(Vendor, on_delete=models.PROTECT, related_name="artisan_payouts")
    amount_paise = models.BigIntegerField(_("amount"))
    status = models.CharField(
        _("status"), max_length=16, choices=ArtisanPayoutStatus.choices,
        default=ArtisanPayoutStatus.DUE,
    )  # fmt: skip
    reference = models.CharField(_("payment reference"), max_length=60, blank=True)
    paid_at = models.DateTimeField(_("paid at"), null=True, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    # A share the vendor paid itself is given back to the vendor in its next settlement.
    reimbursed_in = models.ForeignKey(
        Settlement, on_delete=models.PROTECT, null=True, blank=True,
        related_name="reimbursed_artisan_payouts",
    )  # fmt: skip
    last_problem = models.TextField(_("last problem"), blank=True)

    class Meta:
        ordering = ["-batch__created_at", "pk"]
        verbose_name = _("artisan payout")
        constraints = [
            models.UniqueConstraint(
                fields=["batch", "artisan", "vendor"], name="artisanpayout_one_per_batch"
            ),
            models.CheckConstraint(condition=Q(amount_paise__gt=0), name="artisanpayout_positive"),
        ]

    def __str__(self) -> str:
        return f"artisan payout {self.pk} {self.artisan_id}: {self.amount_paise}"


class SettlementItem(models.Model):
    """An accrual settled in exactly one settlement (the one-to-one makes it once only)."""

    accrual = models.OneToOneField(
        "ledger.ItemAccrual", on_delete=models.PROTECT, related_name="settlement_item"
    )
    settlement = models.ForeignKey(Settlement, on_delete=models.PROTECT, related_name="items")
    artisan_payout = models.ForeignKey(
        ArtisanPayout, on_delete=models.PROTECT, null=True, blank=True, related_name="items"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.accrual_id} in {self.settlement_id}"


class Payout(models.Model):
    """Money sent to a vendor (a settlement) or an artisan (their share) through a provider."""

    settlement = models.ForeignKey(
        Settlement, on_delete=models.PROTECT, null=True, blank=True, related_name="payouts"
    )
    artisan_payout = models.ForeignKey(
        ArtisanPayout, on_delete=models.PROTECT, null=True, blank=True, related_name="payouts"
    )
    vendor = models.ForeignKey(
        Vendor, on_delete=models.PROTECT, null=True, blank=True, related_name="payouts"
    )
    artisan = models.ForeignKey(
        Artisan, on_delete=models.PROTECT, null=True, blank=True, related_name="bank_payouts"
    )
    amount_paise = models.BigIntegerField(_("amount"))
    provider = models.CharField(_("provider"), max_length=20)
    idempotency_key = models.CharField(max_length=36, unique=True)
    status = models.CharField(
        _("status"), max_length=12, choices=PayoutStatus.choices, default=PayoutStatus.PENDING
    )
    # The beneficiary's bank details as sent (they may change later).
    beneficiary_name = models.CharField(_("beneficiary"), max_length=120)
    account_number = models.CharField(_("account number"), max_length=18)
    ifsc = models.CharField(_("IFSC"), max_length=11)
    narration = models.CharField(_("narration"), max_length=30)
    provider_payout_id = models.CharField(max_length=40, blank=True, db_index=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    failure_reason = models.TextField(_("reason"), blank=True)
    utr = models.CharField(_("UTR"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("payout")
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="payout_due")]
        constraints = [
            models.CheckConstraint(condition=Q(amount_paise__gt=0), name="payout_positive"),
            models.CheckConstraint(
                condition=(
                    Q(settlement__isnull=False, vendor__isnull=False)
                    & Q(artisan_payout__isnull=True, artisan__isnull=True)
                )
                | (
                    Q(settlement__isnull=True, vendor__isnull=True)
                    & Q(artisan_payout__isnull=False, artisan__isnull=False)
                ),
                name="payout_one_beneficiary",
            ),  # fmt: skip
            # Never two payouts that may move money for the same settlement or share.
            models.UniqueConstraint(
                fields=["settlement"],
                condition=Q(status__in=LIVE_PAYOUT_STATUSES) & Q(settlement__isnull=False),
                name="payout_one_live_per_settlement",
            ),
            models.UniqueConstraint(
                fields=["artisan_payout"],
                condition=Q(status__in=LIVE_PAYOUT_STATUSES) & Q(artisan_payout__isnull=False),
                name="payout_one_live_per_share",
            ),
        ]

    def __str__(self) -> str:
        return f"payout {self.pk} {self.amount_paise} ({self.status})"

    @property
    def beneficiary(self) -> Vendor | Artisan | None:
        return self.vendor or self.artisan


class FundAccount(models.Model):
    """A beneficiary's bank account as registered with a payout provider (RazorpayX contact
    and fund account), reused for every later payout to the same account."""

    provider = models.CharField(max_length=20)
    account_number = models.CharField(max_length=18)
    ifsc = models.CharField(max_length=11)
    name = models.CharField(max_length=120)
    contact_id = models.CharField(max_length=40)
    fund_account_id = models.CharField(max_length=40)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "account_number", "ifsc"], name="fundaccount_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.provider} {self.fund_account_id}"


class PayoutEvent(AuditEvent):
    """Every change of a payout: who or what (provider, webhook, operator) and why."""

    payout = models.ForeignKey(Payout, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12)
    source = models.CharField(max_length=20)  # run, provider, webhook, staff, bank_file

    class Meta(AuditEvent.Meta):
        verbose_name = _("payout event")

    def __str__(self) -> str:
        return f"{self.payout_id}: {self.from_status} → {self.to_status}"


class PayoutWebhook(models.Model):
    """A payout webhook as received (raw), so a repeated delivery is recognised and ignored."""

    provider = models.CharField(max_length=20)
    event_id = models.CharField(max_length=80, unique=True)
    event = models.CharField(max_length=40, blank=True)
    provider_payout_id = models.CharField(max_length=40, blank=True)
    payout_status = models.CharField(max_length=20, blank=True)
    signature_valid = models.BooleanField(default=False)
    outcome = models.CharField(max_length=20, blank=True)
    body = models.TextField(blank=True)
    received_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-received_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.event} {self.provider_payout_id} ({self.outcome})"


class CodFileStatus(models.TextChoices):
    IMPORTED = "imported", _("Imported")


class CodOutcome(models.TextChoices):
    MATCHED = "matched", _("Matched")
    AMOUNT_MISMATCH = "amount_mismatch", _("Amount differs")
    UNKNOWN_AWB = "unknown_awb", _("Unknown AWB or order")
    NOT_COD = "not_cod", _("Not a cash-on-delivery order")
    NOT_DELIVERED = "not_delivered", _("Not delivered")
    DUPLICATE_LINE = "duplicate_line", _("Already remitted")


class CodRemittanceFile(models.Model):
    """A logistics partner's COD remittance file (CSV); the same file is imported once."""

    file = models.FileField(storage=private_storage, upload_to=cod_file_path, max_length=200)
    original_name = models.CharField(_("file name"), max_length=200)
    sha256 = models.CharField(max_length=64, unique=True)
    status = models.CharField(
        _("status"), max_length=10, choices=CodFileStatus.choices, default=CodFileStatus.IMPORTED
    )
    row_count = models.PositiveIntegerField(_("rows"), default=0)
    matched_count = models.PositiveIntegerField(_("matched"), default=0)
    mismatch_count = models.PositiveIntegerField(_("mismatches"), default=0)
    total_paise = models.BigIntegerField(_("total in the file"), default=0)
    matched_paise = models.BigIntegerField(_("matched amount"), default=0)
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("COD remittance file")

    def __str__(self) -> str:
        return self.original_name


class CodRemittanceLine(models.Model):
    remittance = models.ForeignKey(
        CodRemittanceFile, on_delete=models.CASCADE, related_name="lines"
    )
    line_number = models.PositiveIntegerField(_("line"))
    awb = models.CharField(_("AWB number"), max_length=40, blank=True)
    reference = models.CharField(_("order number"), max_length=40, blank=True)
    amount_paise = models.BigIntegerField(_("amount"))
    expected_paise = models.BigIntegerField(_("expected"), null=True, blank=True)
    remitted_on = models.DateField(_("remitted on"))
    utr = models.CharField(_("UTR"), max_length=40, blank=True)
    shipment = models.ForeignKey(
        "logistics.Shipment", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    seller_order = models.ForeignKey(
        "orders.SellerOrder", on_delete=models.PROTECT, null=True, blank=True,
        related_name="cod_remittance_lines",
    )  # fmt: skip
    outcome = models.CharField(_("outcome"), max_length=16, choices=CodOutcome.choices)
    note = models.CharField(_("note"), max_length=255, blank=True)
    journal_entry = models.ForeignKey(
        "ledger.JournalEntry", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["remittance", "line_number"]
        constraints = [
            # The cash of one parcel (or of a seller order without parcels) is remitted once.
            models.UniqueConstraint(
                fields=["shipment"],
                condition=Q(outcome="matched") & Q(shipment__isnull=False),
                name="codline_shipment_once",
            ),
            models.UniqueConstraint(
                fields=["seller_order"],
                condition=Q(outcome="matched") & Q(shipment__isnull=True),
                name="codline_seller_order_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.awb or self.reference}: {self.outcome}"
