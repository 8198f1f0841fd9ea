"""Keep a few secret values (a one-time code) unreadable at rest until a message is sent.

The values are encrypted and authenticated with keys derived from SECRET_KEY: HMAC-SHA256 as a
pseudo-random function in counter mode for the key stream, and an HMAC-SHA256 tag over nonce and
ciphertext (encrypt-then-MAC). A database copy alone does not reveal them; SECRET_KEY_FALLBACKS
are tried when opening, so a key rotation does not strand messages in the queue.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets

from django.conf import settings

VERSION = "v1"
NONCE_BYTES = 16
TAG_BYTES = 32


class SealError(ValueError):
    """The sealed text is damaged or was sealed with a key we no longer have."""


def _keys(secret: str) -> tuple[bytes, bytes]:
    root = hashlib.sha256(f"odopmart.notifications.sealing:{secret}".encode()).digest()
    encryption = hmac.new(root, b"encryption", hashlib.sha256).digest()
    authentication = hmac.new(root, b"authentication", hashlib.sha256).digest()
    return encryption, authentication


def _keystream(key: bytes, nonce: bytes, length: int) -> bytes:
    blocks = []
    for counter in range((length + 31) // 32):
        blocks.append(hmac.new(key, nonce + counter.to_bytes(8, "big"), hashlib.sha256).digest())
    return b"".join(blocks)[:length]


def _xor(data: bytes, stream: bytes) -> bytes:
    return bytes(a ^ b for a, b in zip(data, stream, strict=True))


def seal(values: dict[str, str]) -> str:
    plaintext = json.dumps(values, sort_keys=True, separators=(",", ":")).encode()
    encryption, authentication = _keys(settings.SECRET_KEY)
    nonce = secrets.token_bytes(NONCE_BYTES)
    ciphertext = _xor(plaintext, _keystream(encryption, nonce, len(plaintext)))
    tag = hmac.new(authentication, nonce + ciphertext, hashlib.sha256).digest()
    return f"{VERSION}:" + base64.urlsafe_b64encode(nonce + ciphertext + tag).decode()


def unseal(sealed: str) -> dict[str, str]:
    version, _, encoded = sealed.partition(":")
    if version != VERSION:
        raise SealError("unknown sealing version")
    try:
        raw = base64.urlsafe_b64decode(encoded.encode())
    except ValueError as error:
        raise SealError("not base64") from error
    if len(raw) < NONCE_BYTES + TAG_BYTES:
        raise SealError("too short")
    nonce, ciphertext, tag = raw[:NONCE_BYTES], raw[NONCE_BYTES:-TAG_BYTES], raw[-TAG_BYTES:]
    for secret in [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]:
        encryption, authentication = _keys(secret)
        expected = hmac.new(authentication, nonce + ciphertext, hashlib.sha256).digest()
        if hmac.compare_digest(expected, tag):
            plaintext = _xor(ciphertext, _keystream(encryption, nonce, len(ciphertext)))
            return json.loads(plaintext)
    raise SealError("sealed with an unknown key")
