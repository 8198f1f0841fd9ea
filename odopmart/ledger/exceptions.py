from __future__ import annotations


class LedgerError(Exception):
    """A posting that would break the books (unbalanced, empty, or a rate missing)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
