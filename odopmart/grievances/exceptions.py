from __future__ import annotations


class GrievanceError(Exception):
    """A complaint or an action on it that cannot be accepted (nothing was written)."""

    def __init__(self, code: str, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return str(self.message)
