"""Money is an integer count of paise. Rates are integer basis points (1 % = 100 bp).

All rounding in the project goes through :func:`round_half_up_div`, so every figure is rounded
the same way (half away from zero, as Indian tax practice rounds to the paisa).
"""

from __future__ import annotations

from typing import NewType

Paise = NewType("Paise", int)

PAISE_PER_RUPEE = 100
BASIS_POINTS = 10_000


def round_half_up_div(numerator: int, denominator: int) -> int:
    """Integer division rounding half away from zero. Both arguments are ints; no floats."""
    if denominator <= 0:
        raise ValueError("denominator must be positive")
    sign = -1 if numerator < 0 else 1
    quotient, remainder = divmod(abs(numerator), denominator)
    if remainder * 2 >= denominator:
        quotient += 1
    return sign * quotient


def rupees_to_paise(value: str | int) -> Paise:
    """Parse '1,234.50' or '1234' or 1234 (rupees) into paise. Rejects floats and >2 decimals."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise TypeError("rupee amounts are strings or ints, never floats")
    if isinstance(value, int):
        return Paise(value * PAISE_PER_RUPEE)
    text = value.strip().replace(",", "").removeprefix("₹").strip()
    if not text:
        raise ValueError("empty amount")
    negative = text.startswith("-")
    text = text.lstrip("+-")
    whole, _, fraction = text.partition(".")
    if not whole.isdigit() and whole != "":
        raise ValueError(f"not an amount: {value!r}")
    if fraction and (not fraction.isdigit() or len(fraction) > 2):
        raise ValueError(f"not an amount in rupees and paise: {value!r}")
    paise = int(whole or "0") * PAISE_PER_RUPEE + int((fraction + "00")[:2])
    return Paise(-paise if negative else paise)


def tax_inclusive_split(gross_paise: int, rate_bp: int) -> tuple[int, int]:
    """Split a tax-inclusive amount into (taxable value, tax), rounded to the paisa."""
    taxable = round_half_up_div(gross_paise * BASIS_POINTS, BASIS_POINTS + rate_bp)
    return taxable, gross_paise - taxable


def group_indian(number: int) -> str:
    """12345678 -> '1,23,45,678' (Indian digit grouping)."""
    digits = str(abs(number))
    if len(digits) > 3:
        head, tail = digits[:-3], digits[-3:]
        groups = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        if head:
            groups.insert(0, head)
        digits = ",".join([*groups, tail])
    return ("-" if number < 0 else "") + digits


def format_inr(paise: int, *, symbol: bool = True, always_paise: bool = False) -> str:
    """Format paise as '₹1,23,456' or '₹1,23,456.50'. Paise shown only when non-zero."""
    rupees, rest = divmod(abs(paise), PAISE_PER_RUPEE)
    text = group_indian(rupees)
    if rest or always_paise:
        text += f".{rest:02d}"
    sign = "-" if paise < 0 else ""
    return f"{sign}{'₹' if symbol else ''}{text}"


def percent_off(mrp_paise: int, price_paise: int) -> int:
    """Whole-number discount percentage, rounded down so we never overstate it."""
    if mrp_paise <= 0 or price_paise >= mrp_paise:
        return 0
    return (mrp_paise - price_paise) * 100 // mrp_paise
