"""Demo prices, stock and parcel sizes: whole rupees, shop-like endings, integer paise only."""

from __future__ import annotations

import random
from dataclasses import dataclass

from odopmart.catalog.demo.vocabulary import Option
from odopmart.core.money import PAISE_PER_RUPEE

OUT_OF_STOCK_PERCENT = 8
DISCOUNTED_PERCENT = 55
DISCOUNT_RANGE = (5, 40)
MAX_STOCK = 40


def retail_rupees(rupees: int) -> int:
    """Round up to a shop price: ₹x9 under ₹100, ₹x49/₹x99 under ₹1,000, ₹x99 above."""
    if rupees < 100:
        return max(9, rupees // 10 * 10 + 9)
    if rupees < 1000:
        return rupees // 50 * 50 + 49
    return rupees // 100 * 100 + 99


def mrp_rupees(rupees: int) -> int:
    """Round an MRP up to the next ₹10 under ₹1,000 and the next ₹50 above."""
    step = 10 if rupees < 1000 else 50
    return -(-rupees // step) * step


@dataclass(frozen=True)
class PricedOption:
    option: Option
    price_paise: int
    mrp_paise: int
    stock: int
    weight_grams: int
    dims_mm: tuple[int, int, int]


def price_options(
    options: tuple[Option, ...],
    *,
    price_range: tuple[int, int],
    weight_grams: int,
    dims_mm: tuple[int, int, int],
    rng: random.Random,
) -> list[PricedOption]:
    """Pick 1-3 neighbouring options of a variant set and price, stock and size each one."""
    count = rng.randint(1, min(3, len(options)))
    start = rng.randrange(len(options) - count + 1)
    base_rupees = rng.randint(*price_range)
    discount = rng.randint(*DISCOUNT_RANGE) if rng.randrange(100) < DISCOUNTED_PERCENT else 0
    sold_out = rng.randrange(100) < OUT_OF_STOCK_PERCENT
    weight = weight_grams * rng.randint(85, 115) // 100
    dims = tuple(side * rng.randint(90, 110) // 100 for side in dims_mm)
    priced = []
    for index, option in enumerate(options[start : start + count]):
        price = retail_rupees(base_rupees * option.price_pct // 100)
        mrp = mrp_rupees(-(-price * 100 // (100 - discount))) if discount else price
        if sold_out:
            stock = 0
        elif index and rng.randrange(100) < 10:
            stock = 0  # one size sold out while others remain
        else:
            stock = rng.randint(1, MAX_STOCK)
        # Bigger options get longer and wider boxes, roughly with the square root of the weight.
        grow = 100 + (option.weight_pct - 100) // 2
        length, width, height = dims
        priced.append(
            PricedOption(
                option=option,
                price_paise=price * PAISE_PER_RUPEE,
                mrp_paise=max(mrp, price) * PAISE_PER_RUPEE,
                stock=stock,
                weight_grams=max(10, weight * option.weight_pct // 100),
                dims_mm=(
                    max(10, length * grow // 100),
                    max(10, width * grow // 100),
                    max(5, height),
                ),
            )
        )
    return priced
