"""Issuing, verifying and withdrawing certificates of origin.

A certificate is issued once per item, when the item has left the artisan's door (shipped or
later). It copies what it certifies, signs that copy, and from then on verification recomputes
the signature over the stored text *and* checks the stored columns still say the same: a row
edited in the database, or a signature made with a key we do not hold, reads "not genuine".
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from odopmart.accounts.ratelimit import rate_limit_hit, rate_limit_lock, rate_limit_retry_after
from odopmart.certificates.codes import code_generate, code_normalise
from odopmart.certificates.conf import certificate_setting
from odopmart.certificates.exceptions import CertificateError
from odopmart.certificates.models import (
    SNAPSHOT_FIELDS,
    Certificate,
    CertificateVerification,
    VerificationChannel,
    VerificationOutcome,
)
from odopmart.certificates.signing import (
    ALGORITHM,
    active_key,
    canonical_json,
    sign,
    signature_valid,
)
from odopmart.orders.models import OrderEvent, OrderItem, SellerOrder
from odopmart.orders.states import ItemStatus

Actor = AbstractBaseUser | AnonymousUser | None

PAYLOAD_VERSION = 1
# The item has left the artisan's door and is with the buyer (or on its way). A delivered item
# whose return is only requested is still the buyer's; once the return is approved it is not.
ISSUABLE_ITEM_STATUSES = frozenset(
    {ItemStatus.SHIPPED, ItemStatus.DELIVERED, ItemStatus.RETURN_REQUESTED}
)
# Shortest part of a signature accepted as "the signature printed on the certificate".
MIN_SIGNATURE_PREFIX = 16
RATE_LIMIT_SCOPE = "certificate_lookup"


class LookupRateLimited(CertificateError):
    def __init__(self, retry_after: int) -> None:
        super().__init__(
            "too_many_requests",
            gettext("Too many certificate lookups. Please try again in a little while."),
        )
        self.retry_after = retry_after


def unknown_code_message() -> str:
    return gettext("No certificate with this code")


@dataclass(frozen=True)
class VerificationResult:
    """What a lookup found. `certificate` is None for an unknown code; for a tampered one it is
    the row as found, which must not be shown as what the certificate says."""

    status: str  # a VerificationOutcome value
    certificate: Certificate | None

    @property
    def genuine(self) -> bool:
        return self.status == VerificationOutcome.GENUINE


# --- the signed text --------------------------------------------------------------------------


def _value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def certificate_payload(certificate: Certificate) -> dict[str, Any]:
    """What the signature covers, from the row's columns."""
    issued_at = certificate.issued_at.astimezone(UTC)
    data: dict[str, Any] = {field: _value(getattr(certificate, field)) for field in SNAPSHOT_FIELDS}
    data.update(
        v=PAYLOAD_VERSION,
        alg=ALGORITHM,
        code=certificate.code,
        issued_at=issued_at.isoformat(),
    )
    return data


def certificate_canonical_payload(certificate: Certificate) -> str:
    return canonical_json(certificate_payload(certificate))


# --- issuing ----------------------------------------------------------------------------------


def _dispatched_on(item: OrderItem) -> date:
    """The day the item shipped, from its own event or its seller order's; today if neither."""
    event = (
        OrderEvent.objects.filter(item=item, to_status=ItemStatus.SHIPPED)
        .order_by("-at", "-pk")
        .first()
    ) or (
        OrderEvent.objects.filter(
            seller_order_id=item.seller_order_id, item__isnull=True, to_status="shipped"
        )
        .order_by("-at", "-pk")
        .first()
    )
    return timezone.localdate(event.at if event else timezone.now())


def _snapshot(item: OrderItem) -> dict[str, Any]:
    product = item.product
    odop = product.odop_product
    district = product.district
    artisan = item.artisan
    vendor = item.vendor
    return {
        "seller_order_number": item.seller_order.number,
        "product_name_en": item.name_en or product.name_en,
        "product_name_hi": item.name_hi or product.name_hi,
        "odop_product_name_en": item.odop_product_name_en or odop.name_en,
        "odop_product_name_hi": item.odop_product_name_hi or odop.name_hi,
        "gi_tag": odop.gi_tag,
        "district_name_en": item.district_name_en or district.name_en,
        "district_name_hi": item.district_name_hi or district.name_hi,
        "state_name_en": district.state.name_en,
        "state_name_hi": district.state.name_hi,
        "artisan_name_en": artisan.name_en,
        "artisan_name_hi": artisan.name_hi,
        "artisan_district_en": artisan.district.name_en,
        "artisan_district_hi": artisan.district.name_hi,
        "vendor_name_en": vendor.name_en,
        "vendor_name_hi": vendor.name_hi,
        "vendor_gstin": vendor.gstin,
        "quantity": item.quantity,
        "dispatched_on": _dispatched_on(item),
    }


def _unused_code() -> str:
    # 60 random bits: a clash is practically impossible, and the unique index catches one.
    while Certificate.objects.filter(code=(code := code_generate())).exists():
        pass  # pragma: no cover
    return code


def _user_or_none(actor: Actor) -> AbstractBaseUser | None:
    return actor if actor is not None and actor.is_authenticated else None  # type: ignore[return-value]


@transaction.atomic
def certificate_issue_for_item(item: OrderItem, *, actor: Actor = None) -> Certificate:
    """The item's certificate, issued now if it has none yet (calling again returns the same).

    Refused (CertificateError "not_shipped") while the item has not left the artisan.
    """
    existing = Certificate.objects.filter(item_id=item.pk).first()
    if existing is not None:
        return existing
    # Lock the item so two callers at once (tracking webhook and operator) issue one certificate.
    locked = (
        OrderItem.objects.select_for_update(of=("self",))
        .select_related(
            "seller_order",
            "product__odop_product",
            "product__district__state",
            "artisan__district",
            "vendor",
        )
        .get(pk=item.pk)
    )
    existing = Certificate.objects.filter(item_id=locked.pk).first()
    if existing is not None:
        return existing
    if locked.status not in ISSUABLE_ITEM_STATUSES:
        raise CertificateError(
            "not_shipped",
            gettext("A certificate of origin is issued once the item has been shipped."),
        )
    certificate = Certificate(
        item=locked,
        code=_unused_code(),
        # Whole seconds, so the time in the signed text and in the column always agree.
        issued_at=timezone.now().replace(microsecond=0),
        issued_by=_user_or_none(actor),
        **_snapshot(locked),
    )
    certificate.payload = certificate_canonical_payload(certificate)
    certificate.signature, certificate.key_id = sign(certificate.payload)
    certificate.save()
    return certificate


def certificates_issue_for_seller_order(
    seller_order: SellerOrder, *, actor: Actor = None
) -> list[Certificate]:
    """Certificates for every shipped item of a vendor's part of an order (others are skipped)."""
    items = seller_order.items.filter(status__in=ISSUABLE_ITEM_STATUSES).order_by("pk")
    return [certificate_issue_for_item(item, actor=actor) for item in items]


# --- verifying --------------------------------------------------------------------------------


def _intact(certificate: Certificate, signature_or_none: str | None) -> bool:
    if certificate_canonical_payload(certificate) != certificate.payload:
        return False  # a column was changed after signing
    if not signature_valid(certificate.payload, certificate.signature, certificate.key_id):
        return False  # the text was changed, or signed with a key we do not hold
    if signature_or_none is not None:
        # The signature printed on (or linked from) the paper must be the one we hold.
        presented = "".join(signature_or_none.split()).lower()
        if len(presented) < MIN_SIGNATURE_PREFIX or not hmac.compare_digest(
            presented, certificate.signature[: len(presented)]
        ):
            return False
    return True


def certificate_verify(code: str, signature_or_none: str | None = None) -> VerificationResult:
    """Is the certificate with this code genuine? Writes nothing (see certificate_lookup)."""
    normalised = code_normalise(code)
    certificate = Certificate.objects.filter(code=normalised).first() if normalised else None
    if certificate is None:
        return VerificationResult(VerificationOutcome.UNKNOWN, None)
    if not _intact(certificate, signature_or_none):
        return VerificationResult(VerificationOutcome.TAMPERED, certificate)
    if certificate.revoked_at is not None:
        return VerificationResult(VerificationOutcome.REVOKED, certificate)
    return VerificationResult(VerificationOutcome.GENUINE, certificate)


def lookup_client_key(ip: str | None) -> str:
    """The rate-limit key for a client: a keyed hash of its address, so the stored rows do not
    hold addresses."""
    digest = hmac.new(active_key().secret, (ip or "unknown").encode(), hashlib.sha256)
    return "ip:" + digest.hexdigest()[:32]


@transaction.atomic
def certificate_lookup(
    code: str,
    *,
    channel: VerificationChannel | str,
    client_key: str,
    signature_or_none: str | None = None,
) -> VerificationResult:
    """A public lookup: counted against the client's limit, verified, and logged.

    Raises LookupRateLimited (with retry_after seconds) when the client has looked up too much.
    """
    now = timezone.now()
    rate_limit_lock([f"{RATE_LIMIT_SCOPE}:{client_key}"])
    limits = certificate_setting("VERIFY_RATE_LIMITS")
    if wait := rate_limit_retry_after(
        scope=RATE_LIMIT_SCOPE, key=client_key, limits=limits, now=now
    ):
        raise LookupRateLimited(wait)
    rate_limit_hit(scope=RATE_LIMIT_SCOPE, key=client_key, now=now)
    result = certificate_verify(code, signature_or_none)
    CertificateVerification.objects.create(
        certificate=result.certificate,
        code=(code_normalise(code) or code.strip())[:20],
        outcome=result.status,
        channel=channel,
        at=now,
    )
    return result


# --- withdrawing ------------------------------------------------------------------------------


def certificate_can_revoke(actor: Actor) -> bool:
    return bool(
        actor is not None
        and actor.is_authenticated
        and actor.is_active
        and actor.is_staff  # type: ignore[union-attr]
        and actor.has_perm("certificates.revoke_certificate")  # type: ignore[union-attr]
    )


@transaction.atomic
def certificate_revoke(certificate: Certificate, *, actor: Actor, reason: str) -> Certificate:
    """Withdraw a certificate (staff with the permission only); its page then says so.

    Withdrawing one already withdrawn changes nothing.
    """
    if not certificate_can_revoke(actor):
        raise CertificateError(
            "forbidden", gettext("Only operator staff may withdraw a certificate.")
        )
    reason = reason.strip()
    if not reason:
        raise CertificateError("reason_required", gettext("Say why the certificate is withdrawn."))
    locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.revoked_at is None:
        locked.revoked_at = timezone.now()
        locked.revoked_by = _user_or_none(actor)
        locked.revoke_reason = reason
        locked.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    return locked


@transaction.atomic
def certificates_revoke(
    certificates: Iterable[Certificate], *, actor: Actor, reason: str
) -> list[Certificate]:
    return [
        certificate_revoke(certificate, actor=actor, reason=reason) for certificate in certificates
    ]
