"""Domain errors of the buying path: a stable machine-readable `code` and a translatable message.

Views turn them into form errors, the API into ``{"code", "detail"}``.
"""

from __future__ import annotations

from typing import Any


class OrderError(Exception):
    """Something the buyer, vendor or caller asked for cannot be done (nothing was written)."""

    def __init__(self, code: str, message: str, field: str | None = None, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
        # Extra facts a caller may show (e.g. available=2 for "only 2 left").
        self.params = params

    def __str__(self) -> str:
        return str(self.message)


class InvalidTransition(OrderError):
    """A state change the transition tables do not allow."""


class CaptureRefused(OrderError):
    """Money was captured for an order that cannot take it: it was cancelled, or its reservation
    lapsed and the stock is gone (code "order_closed" or "stock_gone").

    The order is left as it was; the caller (payments) refunds the capture and flags it.
    """
