from __future__ import annotations

import pytest

from odopmart.notifications.sealing import SealError, seal, unseal


def test_round_trip_and_fresh_nonce():
    first, second = seal({"code": "123456"}), seal({"code": "123456"})

    assert first != second
    assert "123456" not in first
    assert unseal(first) == unseal(second) == {"code": "123456"}


def test_tampering_is_detected():
    sealed = seal({"code": "123456"})
    flipped = sealed[:-5] + ("A" if sealed[-5] != "A" else "B") + sealed[-4:]

    with pytest.raises(SealError):
        unseal(flipped)
    with pytest.raises(SealError):
        unseal("v0:abc")


def test_old_key_still_opens_after_rotation(settings):
    sealed = seal({"code": "654321"})
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-brand-new-key-after-rotation-0123456789"

    assert unseal(sealed) == {"code": "654321"}
    settings.SECRET_KEY_FALLBACKS = []
    with pytest.raises(SealError):
        unseal(sealed)
