"""Domain errors of readiness: a stable `code` and a translatable message (nothing was written)."""

from __future__ import annotations


class FulfilmentError(Exception):
    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return str(self.message)
