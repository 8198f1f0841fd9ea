"""The insights dashboard against hand-computed orders made through the real services."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from odopmart.accounts.models import StaffRole, StaffRoleGrant
from odopmart.insights import queries
from odopmart.insights.periods import FinancialYear, quarter_label
from odopmart.ledger.models import ItemAccrual
from odopmart.ledger.services import ledger_recognise_due
from odopmart.ledger.tests.conftest import at, deliver
from odopmart.orders.services import item_cancel
from odopmart.sellers.models import VendorMembership

pytestmark = pytest.mark.django_db
FY = FinancialYear(2026)


@pytest.fixture
def shop(seller: Any, product_of: Callable[..., Any], sale: Callable[..., Any],
         cart_with: Callable[..., Any], place: Callable[..., Any], commission: Any,
         artisan_share: Callable[..., Any], buyer: Any) -> dict[str, Any]:  # fmt: skip
    """Two products of one vendor (10 % artisan share) and five orders:

    * A, 10 May 2026, online: 2 × P1 (₹1,050) + 1 × P2 (₹2,100) — delivered and recognised;
    * B, 20 Aug 2026, COD: 1 × P2;
    * C, 10 Feb 2026 (FY 2025-26 Q4), online: 1 × P1;
    * D, 1 Jun 2026, online, its item cancelled — not a sale;
    * E, 2 Jun 2026, placed but never paid — not a sale.
    """
    artisan_share(seller, rate_bp=1000)
    p1 = product_of(seller, price_paise=105000)  # Lucknow, clothing
    p2 = product_of(seller, price_paise=210000, district_slug="varanasi",
                    category_slug="pottery-glass")  # fmt: skip
    a = sale((p1, 2), (p2, 1), on=date(2026, 5, 10))
    b = sale((p2, 1), on=date(2026, 8, 20), method="cod")
    c = sale((p1, 1), on=date(2026, 2, 10))
    d = sale((p1, 1), on=date(2026, 6, 1))
    item_cancel(d.items.get(), actor=None, reason="changed mind")
    with time_machine.travel(at(date(2026, 6, 2)), tick=False):
        place(cart_with((p1, 1)), buyer=buyer)
    deliver(a, date(2026, 5, 15))
    ledger_recognise_due(now=at(date(2026, 10, 1)))
    return {"p1": p1, "p2": p2, "a": a, "b": b, "c": c}


def test_totals_and_breakdowns(shop: dict[str, Any]) -> None:
    assert queries.totals(FY) == {"gmv": 630000, "items": 4, "orders": 2}
    assert queries.totals(FY.previous) == {"gmv": 105000, "items": 1, "orders": 1}
    districts = {r["name_en"]: (r["gmv"], r["items"], r["orders"])
                 for r in queries.sales_by(FY, "district")}  # fmt: skip
    assert districts == {"Varanasi": (420000, 2, 2), "Lucknow": (210000, 2, 1)}
    categories = [(r["name_en"], r["gmv"]) for r in queries.sales_by(FY, "category")]
    assert [gmv for _name, gmv in categories] == [420000, 210000]
    odop = queries.sales_by(FY, "odop")
    assert sum(r["gmv"] for r in odop) == 630000
    assert len(odop) == 2
    vendors = queries.sales_by(FY, "vendor")
    assert [(r["id"], r["gmv"], r["orders"]) for r in vendors] == [
        (shop["p1"].vendor_id, 630000, 2)
    ]
    top = queries.sales_by(FY, "product", limit=1)
    assert top[0]["id"] == shop["p2"].pk
    assert top[0]["gmv"] == 420000


def test_months_and_quarter_on_quarter_growth(shop: dict[str, Any]) -> None:
    months = {row["month"]: row["gmv"] for row in queries.sales_by_month(FY)}
    assert len(months) == 12
    assert months[date(2026, 5, 1)] == 420000
    assert months[date(2026, 8, 1)] == 210000
    assert months[date(2026, 6, 1)] == 0
    quarters = queries.sales_by_quarter(FY)
    assert [q["label"] for q in quarters] == ["Q1 2026-27", "Q2 2026-27", "Q3 2026-27",
                                               "Q4 2026-27"]  # fmt: skip
    assert [q["gmv"] for q in quarters] == [420000, 210000, 0, 0]
    # Q1 against FY 2025-26 Q4 (₹1,050): +300 %; then −50 %, −100 %, and nothing to compare.
    assert [q["growth_gmv"] for q in quarters] == [Decimal("300.0"), Decimal("-50.0"),
                                                    Decimal("-100.0"), None]  # fmt: skip
    assert quarter_label(date(2027, 1, 1)) == "Q4 2026-27"


def test_artisan_earnings_from_books_else_share_rule(shop: dict[str, Any]) -> None:
    rows = {row["id"]: row for row in queries.artisan_earnings(FY)}
    p1_artisan, p2_artisan = shop["p1"].artisan_id, shop["p2"].artisan_id
    booked = {a.artisan_id: a.artisan_share_paise for a in ItemAccrual.objects.all()}
    assert set(booked) == {p1_artisan, p2_artisan}  # order A was recognised
    assert rows[p1_artisan]["recognised"] == booked[p1_artisan] == 20000  # 10 % of ₹2,000
    assert rows[p1_artisan]["expected"] == 0
    # P2: order A's item in the books, order B's (taxable ₹2,000) estimated at 10 %.
    assert rows[p2_artisan]["recognised"] == booked[p2_artisan]
    assert rows[p2_artisan]["expected"] == 20000
    assert rows[p2_artisan]["earnings"] == booked[p2_artisan] + 20000


def _user(name: str, role: str | None = None) -> Any:
    user = get_user_model().objects.create_user(username=name, password="x-long-password")
    if role:
        StaffRoleGrant.objects.create(user=user, role=role)
    return user


def test_page_csv_and_query_count(shop: dict[str, Any], client: Client,
                                  django_assert_max_num_queries: Any) -> None:  # fmt: skip
    client.force_login(_user("fin", StaffRole.FINANCE))
    url = reverse("sellercentre:insights")
    with django_assert_max_num_queries(28):
        page = client.get(url, {"fy": "2026-27"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "₹6,300" in html
    assert "+300.0%" in html
    assert "<svg" in html
    assert "Varanasi" in html
    hindi = client.get("/hi" + url, {"fy": "2026-27"}).content.decode()
    assert "वाराणसी" in hindi
    assert "ज़िलेवार बिक्री" in hindi
    csv_text = b"".join(client.get(url, {"fy": "2026-27", "export": "district"})
                        .streaming_content).decode("utf-8-sig")  # fmt: skip
    lines = csv_text.strip().splitlines()
    assert lines[0] == "id,name,name_hi,gmv_rupees,orders,items"
    assert lines[1].split(",")[1:] == ["Varanasi", "वाराणसी", "4200.00", "2", "2"]
    quarter_csv = b"".join(client.get(url, {"fy": "2026-27", "export": "quarter"})
                           .streaming_content).decode("utf-8-sig")  # fmt: skip
    assert "Q1 2026-27,4200.00,1,3,300.0,0.0" in quarter_csv
    for table in ("odop", "category", "vendor", "artisan", "product", "month"):
        assert client.get(url, {"export": table}).status_code == 200
    assert client.get(url, {"export": "secrets"}).status_code == 404


def test_operator_admin_may_see_it(shop: dict[str, Any], client: Client) -> None:
    client.force_login(_user("admin", StaffRole.OPERATOR_ADMIN))
    assert client.get(reverse("sellercentre:insights")).status_code == 200


@pytest.mark.parametrize("who", ["vendor", "helpline", "buyer"])
def test_others_get_404(shop: dict[str, Any], client: Client, who: str) -> None:
    user = _user(who, StaffRole.HELPLINE if who == "helpline" else None)
    if who == "vendor":
        VendorMembership.objects.create(user=user, vendor=shop["p1"].vendor, role="owner")
    client.force_login(user)
    url = reverse("sellercentre:insights")
    assert client.get(url).status_code == 404
    assert client.get(url, {"export": "vendor"}).status_code == 404
