"""The one interface every payment gateway sits behind, and the gateway-neutral event shape."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from odopmart.payments.models import Payment


@dataclass(frozen=True)
class NormalisedEvent:
    """What a webhook says, whatever the gateway. Amounts in paise; ids as the gateway gave them."""

    type: str  # payment.authorized, payment.captured, payment.failed, order.paid, refund.*
    gateway_order_id: str = ""
    gateway_payment_id: str = ""
    amount_paise: int | None = None
    method: str = ""
    error: str = ""
    gateway_refund_id: str = ""
    refund_amount_paise: int | None = None
    refund_notes: Mapping[str, Any] = field(default_factory=dict)
    refund_receipt: str = ""


@dataclass(frozen=True)
class GatewayPayment:
    """A payment as the gateway reports it when asked (after the buyer returns)."""

    gateway_payment_id: str
    status: str  # created, authorized, captured, failed, refunded
    amount_paise: int | None
    method: str = ""
    gateway_order_id: str = ""
    error: str = ""


@dataclass(frozen=True)
class GatewayRefund:
    gateway_refund_id: str
    processed: bool  # False: the gateway accepted it; a webhook says when it is done


class PaymentProvider(ABC):
    """A payment gateway. Implementations make network calls: never call them inside a
    database transaction."""

    name: str = ""
    # Collected online through a gateway (False for cash on delivery).
    online: bool = True

    @abstractmethod
    def create_order(self, amount_paise: int, receipt: str, notes: Mapping[str, str]) -> str:
        """Create the gateway's order for this amount and return its id."""

    @abstractmethod
    def checkout_context(self, payment: Payment) -> dict[str, Any]:
        """What the browser or app needs to open the gateway's checkout (never a secret)."""

    @abstractmethod
    def verify_payment_signature(self, order_id: str, payment_id: str, signature: str) -> bool:
        """Check the signature the checkout hands back to the buyer's browser."""

    @abstractmethod
    def verify_webhook(self, raw_body: bytes, headers: Mapping[str, str]) -> bool:
        """Check a webhook's signature over the exact bytes received."""

    @abstractmethod
    def webhook_event_id(self, raw_body: bytes, headers: Mapping[str, str]) -> str:
        """The gateway's unique id of this event (what duplicates share)."""

    @abstractmethod
    def parse_webhook(self, payload: Mapping[str, Any]) -> NormalisedEvent:
        """Turn a verified webhook body into a NormalisedEvent."""

    @abstractmethod
    def fetch_payment(self, payment: Payment, gateway_payment_id: str) -> GatewayPayment:
        """Ask the gateway what became of a payment."""

    @abstractmethod
    def refund(
        self,
        payment: Payment,
        amount_paise: int,
        idempotency_key: str,
        notes: Mapping[str, str],
    ) -> GatewayRefund:
        """Refund part or all of a captured payment. Sending the same idempotency key again
        never refunds twice. Raises payments.exceptions.GatewayError."""
