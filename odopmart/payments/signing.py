"""HMAC-SHA256 signatures as payment gateways use them (hex digest, constant-time compare)."""

from __future__ import annotations

import hashlib
import hmac


def hmac_sha256_hex(secret: str, message: bytes | str) -> str:
    if isinstance(message, str):
        message = message.encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_matches(secret: str, message: bytes | str, signature: str | None) -> bool:
    """True when `signature` is the hex HMAC of `message`; False for a missing or empty secret."""
    if not secret or not signature or not isinstance(signature, str):
        return False
    return hmac.compare_digest(hmac_sha256_hex(secret, message), signature.strip())


def payment_signature(secret: str, gateway_order_id: str, gateway_payment_id: str) -> str:
    """The checkout handler's signature: HMAC(order_id + "|" + payment_id) with the key secret."""
    return hmac_sha256_hex(secret, f"{gateway_order_id}|{gateway_payment_id}")
