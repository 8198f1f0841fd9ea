"""Domain errors of certificates: a stable machine-readable `code` and a translatable message."""

from __future__ import annotations


class CertificateError(Exception):
    """A certificate cannot be issued or changed as asked (nothing was written)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def __str__(self) -> str:
        return str(self.message)
