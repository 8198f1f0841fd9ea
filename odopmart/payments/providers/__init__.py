"""Payment providers by name: "sandbox" (offline test gateway), "razorpay" and "cod"."""

from __future__ import annotations

from odopmart.payments.conf import payment_setting
from odopmart.payments.providers.base import PaymentProvider

ONLINE_PROVIDERS = ("sandbox", "razorpay")
PROVIDERS = (*ONLINE_PROVIDERS, "cod")


def provider_for(name: str) -> PaymentProvider:
    """A provider instance by name; KeyError for an unknown one."""
    if name == "sandbox":
        from odopmart.payments.providers.sandbox import SandboxProvider

        return SandboxProvider()
    if name == "razorpay":
        from odopmart.payments.providers.razorpay import RazorpayProvider

        return RazorpayProvider()
    if name == "cod":
        from odopmart.payments.providers.cod import CodProvider

        return CodProvider()
    raise KeyError(name)


def default_online_provider() -> str:
    name = str(payment_setting("PROVIDER"))
    return name if name in ONLINE_PROVIDERS else "sandbox"
