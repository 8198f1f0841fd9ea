"""Books settings, read from ``settings.LEDGER`` with defaults (read on every use, so a
deployment or a test can change them at any time)."""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # The operator's own GSTIN (the e-commerce operator's normal registration). Its first two
    # digits are the operator's state: commission to a vendor in that state carries CGST + SGST,
    # to a vendor elsewhere IGST (IGST Act s.12(2)(a)). EXAMPLE ONLY: a made-up Uttar Pradesh
    # GSTIN with a valid check character; set the corporation's real one in production.
    "OPERATOR_GSTIN": "09AAACU1234F1ZO",
    "OPERATOR_NAME": "Uttar Pradesh ODOP Marketplace (example)",
    # How many due items one recognition run takes (the rest wait for the next run).
    "RECOGNISE_BATCH": 1000,
}


def ledger_setting(name: str) -> Any:
    configured = getattr(settings, "LEDGER", None) or {}
    return configured.get(name, DEFAULTS[name])


def operator_state_code() -> str:
    return str(ledger_setting("OPERATOR_GSTIN"))[:2]
