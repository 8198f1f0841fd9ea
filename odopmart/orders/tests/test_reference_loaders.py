from __future__ import annotations

import pytest

from odopmart.catalog.loaders import value_threshold_parse
from odopmart.orders.loaders import rate_card_read


@pytest.mark.parametrize(
    ("conditions", "allowed", "expected"),
    [
        (
            "5%: sale value not exceeding Rs 2,500 per piece (Sch I S. No. 388); 18% above",
            [500, 1800],
            (500, 250000, 1800),
        ),
        (
            "5%: sale value not exceeding Rs 2,500 a pair (Sch I S. No. 392); 18% otherwise",
            [500, 1800],
            (500, 250000, 1800),
        ),
        (
            "5%: Article of apparel … [sale value not exceeding Rs 1,000 per piece]; 12%: above",
            [500, 1200],
            (500, 100000, 1200),
        ),
        ("Rates differ by tariff item: 5% (2 of 44), 18% (42 of 44)", [500, 1800], None),
        ("5%: sale value not exceeding Rs 2,500 per piece", [500], None),
        ("", [], None),
    ],
)
def test_value_threshold_parse(conditions, allowed, expected):
    assert value_threshold_parse(conditions, allowed) == expected


def test_rate_card_has_every_zone_in_rupees_as_paise():
    rows = rate_card_read()
    assert {row.zone for row in rows} == {"local", "state", "national"}
    local = sorted((r.up_to_grams, r.charge_paise) for r in rows if r.zone == "local")
    assert local[0] == (500, 4000)
    assert all(row.charge_paise > 0 for row in rows)
