"""Payout providers behind one interface; ``provider_for(name)`` picks one by name."""

from __future__ import annotations

from odopmart.settlements.conf import settlement_setting
from odopmart.settlements.providers.base import PayoutProvider, ProviderPayout
from odopmart.settlements.providers.manual import ManualBankTransfer
from odopmart.settlements.providers.razorpayx import RazorpayX

PROVIDERS: dict[str, type[PayoutProvider]] = {
    ManualBankTransfer.name: ManualBankTransfer,
    RazorpayX.name: RazorpayX,
}


def provider_for(name: str | None = None) -> PayoutProvider:
    """The named provider, or the configured one (PAYOUT_PROVIDER). KeyError if unknown."""
    return PROVIDERS[name or str(settlement_setting("PROVIDER"))]()


__all__ = ["PayoutProvider", "ProviderPayout", "provider_for"]
