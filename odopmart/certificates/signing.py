"""Signing certificates: HMAC-SHA256 over a canonical JSON payload, with named keys.

Only this server ever verifies a certificate (the buyer checks it on our page, not offline), so
a shared-secret MAC gives the same guarantee as a public-key signature without another
dependency: nobody without the key can produce a signature our page accepts. Each signature
records the id of its key, so a new key can take over while old certificates still verify.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from odopmart.certificates.conf import certificate_setting

ALGORITHM = "HMAC-SHA256"
_DERIVE_LABEL = b"odopmart.certificates.signing.v1"


@dataclass(frozen=True)
class SigningKey:
    key_id: str
    secret: bytes


def _derive(material: str) -> bytes:
    # A key used only for certificates, whatever else the material is used for.
    return hmac.new(material.encode(), _DERIVE_LABEL, hashlib.sha256).digest()


def _key_id_for(secret: bytes) -> str:
    return "k" + hashlib.sha256(b"key-id:" + secret).hexdigest()[:8]


def active_key() -> SigningKey:
    configured = str(certificate_setting("SIGNING_KEY") or "")
    secret = _derive(configured) if configured else _derive(f"secret-key:{settings.SECRET_KEY}")
    key_id = str(certificate_setting("KEY_ID") or "") or _key_id_for(secret)
    return SigningKey(key_id=key_id, secret=secret)


def key_ring() -> dict[str, bytes]:
    """Every key a stored signature may name: the active one and the retired ones."""
    keys = {
        key_id: _derive(str(secret)) for key_id, secret in certificate_setting("OLD_KEYS").items()
    }
    active = active_key()
    keys[active.key_id] = active.secret
    return keys


def canonical_json(data: dict[str, Any]) -> str:
    """One text for one content: sorted keys, no spaces, UTF-8 kept as it is."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _mac(secret: bytes, payload: str) -> str:
    return hmac.new(secret, payload.encode(), hashlib.sha256).hexdigest()


def sign(payload: str) -> tuple[str, str]:
    """(signature in hex, key id) for the payload, with the active key."""
    key = active_key()
    return _mac(key.secret, payload), key.key_id


def signature_valid(payload: str, signature: str, key_id: str) -> bool:
    secret = key_ring().get(key_id)
    if secret is None:
        return False
    return hmac.compare_digest(_mac(secret, payload), signature)


def fingerprint(signature: str) -> str:
    """The first 64 bits of the signature in groups, short enough to print and read out."""
    head = signature[:16].upper()
    return " ".join(head[index : index + 4] for index in range(0, len(head), 4))
