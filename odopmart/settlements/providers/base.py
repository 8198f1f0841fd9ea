"""What every payout provider does: send one payout (idempotently, by our key) and read its
webhooks."""

from __future__ import annotations

import abc
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from odopmart.settlements.models import Payout


@dataclass(frozen=True)
class ProviderPayout:
    """The provider's view of a payout, in our status words."""

    status: str
    provider_payout_id: str = ""
    utr: str = ""
    reason: str = ""


@dataclass(frozen=True)
class PayoutWebhookEvent:
    event_id: str
    event: str
    payout: ProviderPayout
    idempotency_key: str = ""


class PayoutProvider(abc.ABC):
    name: str = ""
    # False: the operator moves the money (bank file) and records the result by hand.
    sends_itself: bool = False

    @abc.abstractmethod
    def send(self, payout: Payout) -> ProviderPayout:
        """Ask the provider to pay. Raises TransientPayoutError (retry with the same key) or
        PayoutRefused (recorded as rejected)."""

    # A provider that sends no webhooks (the manual bank file) refuses every call: verification
    # fails, so the webhook view records it as forged and never parses it.
    def verify_webhook(self, body: bytes, headers: Mapping[str, str]) -> bool:
        return False

    def parse_webhook(
        self, body: Mapping[str, Any], headers: Mapping[str, str]
    ) -> PayoutWebhookEvent:
        raise ValueError(f"{type(self).__name__} sends no webhooks; nothing to parse")
