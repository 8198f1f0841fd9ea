"""Cash on delivery: nothing is collected online. Eligibility is an order-value limit and the
delivery PIN code (deliverable in the directory, and not on the operator's deny list)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext

from odopmart.core.money import format_inr
from odopmart.payments.conf import payment_setting
from odopmart.payments.exceptions import GatewayError
from odopmart.payments.providers.base import (
    GatewayPayment,
    GatewayRefund,
    NormalisedEvent,
    PaymentProvider,
)

if TYPE_CHECKING:
    from odopmart.payments.models import Payment


def cod_problem(amount_paise: int, pincode: str) -> str | None:
    """Why cash on delivery is not offered for this amount and PIN code (None: it is)."""
    from odopmart.regions.models import Pincode

    if not payment_setting("COD_ENABLED"):
        return gettext("Cash on delivery is not available at the moment.")
    limit = int(payment_setting("COD_MAX_ORDER_PAISE"))
    if amount_paise > limit:
        return gettext("Cash on delivery is available for orders up to %(limit)s.") % {
            "limit": format_inr(limit)
        }
    pincode = (pincode or "").strip()
    denied = [str(entry).strip() for entry in payment_setting("COD_DENIED_PINCODES") or []]
    if any(entry and pincode.startswith(entry) for entry in denied):
        return gettext("Cash on delivery is not available for PIN code %(pincode)s.") % {
            "pincode": pincode
        }
    if (
        payment_setting("COD_REQUIRE_SERVICEABLE_PINCODE")
        and not Pincode.objects.filter(code=pincode, is_serviceable=True).exists()
    ):
        return gettext("Cash on delivery is not available for PIN code %(pincode)s.") % {
            "pincode": pincode
        }
    return None


class CodProvider(PaymentProvider):
    """Cash on delivery behind the same interface; it has no gateway, signatures or webhooks."""

    name = "cod"
    online = False

    def create_order(self, amount_paise: int, receipt: str, notes: Mapping[str, str]) -> str:
        return ""

    def checkout_context(self, payment: Payment) -> dict[str, Any]:
        return {"provider": self.name, "amount": payment.amount_paise, "currency": "INR"}

    def verify_payment_signature(self, order_id: str, payment_id: str, signature: str) -> bool:
        return False

    def verify_webhook(self, raw_body: bytes, headers: Mapping[str, str]) -> bool:
        return False

    def webhook_event_id(self, raw_body: bytes, headers: Mapping[str, str]) -> str:
        return ""

    def parse_webhook(self, payload: Mapping[str, Any]) -> NormalisedEvent:
        return NormalisedEvent(type="")

    def fetch_payment(self, payment: Payment, gateway_payment_id: str) -> GatewayPayment:
        return GatewayPayment(gateway_payment_id, payment.status, payment.captured_paise)

    def refund(
        self,
        payment: Payment,
        amount_paise: int,
        idempotency_key: str,
        notes: Mapping[str, str],
    ) -> GatewayRefund:
        # Cash is returned by the operator (bank transfer or UPI) and marked done by hand.
        raise GatewayError("cash on delivery is refunded by hand", retryable=False)
