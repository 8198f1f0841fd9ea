"""Errors of settlements and COD reconciliation: a code for programs, a message for people."""

from __future__ import annotations


class SettlementError(Exception):
    def __init__(self, code: str, message: str = "") -> None:
        super().__init__(message or code)
        self.code = code
        self.message = message or code


class CodFileError(SettlementError):
    """A COD remittance file that cannot be imported (nothing of it is written)."""


class TransientPayoutError(Exception):
    """The provider could not take the payout now (5xx, timeout): send it again, same key."""


class PayoutRefused(Exception):
    """The provider refused the payout request (4xx): recorded as rejected with the reason."""
