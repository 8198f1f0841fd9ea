"""Invoicing settings, read from ``settings.INVOICING`` with defaults (read on every use).

The operator's GSTIN and name are the books' (``settings.LEDGER``): one place to set them.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # The operator's registered address, printed on its commission invoices and, as the
    # e-commerce operator, on the vendors' invoices. EXAMPLE ONLY: set the corporation's own.
    "OPERATOR_ADDRESS": "Udyog Bhawan, 9 Ashok Marg, Lucknow, Uttar Pradesh 226001",
    # Services on a fee or commission basis for retail trade (INDIA_COMMERCE.md 2.1; the CA
    # confirms the code).
    "COMMISSION_SAC": "996211",
    # HSN digits printed for a vendor without a VendorInvoiceSetting (Notification 78/2020-CT).
    "HSN_DIGITS_DEFAULT": 4,
    # Unit quantity code printed for goods (GSTR-1 UQC list: "NOS" = numbers).
    "UNIT": "NOS",
}


def invoicing_setting(name: str) -> Any:
    configured = getattr(settings, "INVOICING", None) or {}
    return configured.get(name, DEFAULTS[name])


def operator_identity() -> dict[str, str]:
    """The e-commerce operator: GSTIN, name and state code from the books' settings."""
    from odopmart.ledger.conf import ledger_setting

    gstin = str(ledger_setting("OPERATOR_GSTIN"))
    return {
        "gstin": gstin,
        "name": str(ledger_setting("OPERATOR_NAME")),
        "address": str(invoicing_setting("OPERATOR_ADDRESS")),
        "state_code": gstin[:2],
    }
