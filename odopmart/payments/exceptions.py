"""Domain errors of the payments app: a stable machine-readable `code` and a message for people."""

from __future__ import annotations


class PaymentError(Exception):
    """A payment action that cannot be done (bad input, wrong state, not eligible)."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return str(self.message)


class InvalidPaymentTransition(PaymentError):
    """A payment status change the transition table does not allow."""


class GatewayError(Exception):
    """The gateway could not be reached or answered with an error.

    `retryable` says whether the same request may succeed later (timeouts, 5xx) or will be
    refused again (a 4xx such as "amount exceeds the payment").
    """

    def __init__(self, message: str, *, retryable: bool = True) -> None:
        super().__init__(message)
        self.retryable = retryable
