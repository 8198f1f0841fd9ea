from __future__ import annotations


class InvoicingError(Exception):
    """A document that may not be issued (code is stable, message translatable); nothing was
    written."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return str(self.message)
