"""Domain errors of logistics, with a stable code for pages and the API."""

from __future__ import annotations


class ShipmentError(Exception):
    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field
