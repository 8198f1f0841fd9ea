"""The operator's statements against hand-computed figures, and who may open them.

June 2025, goods at ₹1,050 incl. 5 % GST (taxable ₹1,000), shipping free at these values:
  A  seller, Lucknow (intra), 2 pieces        taxable ₹2,000   TCS ₹5 + ₹5    TDS ₹2
  B  seller, Delhi (inter),   1 piece         taxable ₹1,000   TCS ₹5 IGST    TDS ₹1
  C  seller, Lucknow, 2 pieces, returned      taxable ₹2,000   a return: no TCS, no TDS
  D  vendor without PAN, Lucknow, 2 pieces    taxable ₹2,000   TCS ₹5 + ₹5    TDS 5 % = ₹100
All delivered on 20 June and recognised on 10 July 2025.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
import time_machine
from django.contrib.auth import get_user_model

from odopmart.accounts.models import StaffRoleGrant
from odopmart.ledger.reports import (
    Month,
    gstr8_statement,
    register_rows,
    sales_register,
    sales_register_totals,
    tds_statement,
)
from odopmart.ledger.services import ledger_recognise_due
from odopmart.ledger.tests.conftest import DELHI, at, deliver, dispatch
from odopmart.orders.services import (
    return_request_create,
    return_request_decide,
    return_request_receive,
)
from odopmart.sellers.models import MembershipRole, VendorMembership

pytestmark = pytest.mark.django_db
JUNE, JULY = date(2025, 6, 16), Month(2025, 7)


@pytest.fixture
def month_of_sales(sale, seller, make_vendor, product_of, commission):
    no_pan = make_vendor(gstin="09AAACN1111A1Z5", pan="")
    orders = {
        "A": sale((product_of(seller), 2), on=JUNE),
        "B": sale((product_of(seller), 1), on=JUNE, address=DELHI),
        "C": sale((product_of(seller), 2), on=JUNE),
        "D": sale((product_of(no_pan), 2), on=JUNE),
    }
    for order in orders.values():
        deliver(order, date(2025, 6, 20))
    with time_machine.travel(at(date(2025, 6, 22)), tick=False):
        rr = return_request_create(orders["C"].items.get(), actor=None, reason_code="size_fit")
        return_request_decide(rr, actor=None, approve=True)
        return_request_receive(rr, actor=None)
        dispatch()
    assert ledger_recognise_due(now=at(date(2025, 7, 10))) == 4
    return {"orders": orders, "seller": seller, "no_pan": no_pan}


def test_gstr8_statement(month_of_sales):
    seller, no_pan = month_of_sales["seller"], month_of_sales["no_pan"]
    statement = gstr8_statement(JULY)
    rows = {r["vendor_gstin"]: r for r in statement.registered}
    assert rows[seller.gstin] | {} == rows[seller.gstin]
    assert {k: rows[seller.gstin][k] for k in statement.registered_totals} == {
        "gross_paise": 500000,
        "returns_paise": 200000,
        "net_paise": 300000,
        "tcs_cgst_paise": 500,
        "tcs_sgst_paise": 500,
        "tcs_igst_paise": 500,
    }
    assert rows[no_pan.gstin]["net_paise"] == 200000
    assert rows[no_pan.gstin]["tcs_cgst_paise"] == 500
    assert statement.registered_totals == {
        "gross_paise": 700000,
        "returns_paise": 200000,
        "net_paise": 500000,
        "tcs_cgst_paise": 1000,
        "tcs_sgst_paise": 1000,
        "tcs_igst_paise": 500,
    }
    assert statement.unregistered == []
    assert gstr8_statement(Month(2025, 6)).registered == []  # nothing recognised in June


def test_tds_statement(month_of_sales):
    seller, no_pan = month_of_sales["seller"], month_of_sales["no_pan"]
    rows, totals = tds_statement(JULY)
    found = {(r["vendor_pan"], r["tds_rate_bp"]): r for r in rows}
    assert found[(seller.pan, 10)]["base_paise"] == 300000
    assert found[(seller.pan, 10)]["tds_paise"] == 300
    assert "194-O" in found[(seller.pan, 10)]["tds_rate__legal_reference"]
    assert found[("", 500)]["vendor__name_en"] == no_pan.name_en
    assert found[("", 500)]["tds_paise"] == 10000
    assert totals == {"base_paise": 500000, "tds_paise": 10300}


def test_sales_register(month_of_sales):
    rows = register_rows(sales_register(Month(2025, 6)))
    assert len(rows) == 4
    assert {r["line"] for r in rows} == {"goods"}
    inter = [r for r in rows if r["igst_paise"]]
    assert len(inter) == 1
    assert inter[0]["place_code"] == "07"
    assert inter[0]["place_name"] == "Delhi"
    assert inter[0]["igst_paise"] == 5000
    assert inter[0]["hsn"] == "9901"
    assert sales_register_totals(Month(2025, 6)) == {
        "taxable": 700000,
        "cgst": 15000,
        "sgst": 15000,
        "igst": 5000,
        "total": 735000,
    }
    assert register_rows(sales_register(Month(2025, 7))) == []


# --- pages ------------------------------------------------------------------------------------


@pytest.fixture
def finance_user(db):
    user = get_user_model().objects.create_user(username="accounts", password="x-long-password")
    StaffRoleGrant.objects.create(user=user, role="finance")
    return user


@pytest.fixture
def vendor_user(seller):
    user = get_user_model().objects.create_user(username="vendor", password="x-long-password")
    VendorMembership.objects.create(user=user, vendor=seller, role=MembershipRole.OWNER)
    return user


PAGES = ["", "gstr8/?month=2025-07", "tds/?month=2025-07", "sales-register/?month=2025-06"]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("prefix", ["", "/hi"])
def test_finance_pages_render(client, finance_user, month_of_sales, page, prefix):
    client.force_login(finance_user)
    response = client.get(f"{prefix}/seller/finance/{page}")
    assert response.status_code == 200
    seller = month_of_sales["seller"]
    if page:
        assert seller.name_en in response.text or seller.gstin in response.text


@pytest.mark.parametrize("page", [*PAGES, "orders/OD0000-NOPE00/"])
def test_a_vendor_cannot_open_the_operators_books(client, vendor_user, page):
    client.force_login(vendor_user)
    assert client.get(f"/seller/finance/{page}").status_code == 404


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get("/seller/finance/gstr8/")
    assert response.status_code == 302
    assert "/accounts/" in response["Location"]


def _csv_rows(response):
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


def test_csv_downloads(client, finance_user, month_of_sales):
    client.force_login(finance_user)
    gstr8 = client.get("/seller/finance/gstr8/?month=2025-07&format=csv")
    assert gstr8["Content-Type"].startswith("text/csv")
    rows = _csv_rows(gstr8)
    assert rows[0][:3] == ["section", "supplier_gstin_or_enrolment", "supplier"]
    seller_row = next(r for r in rows if r[1] == month_of_sales["seller"].gstin)
    assert seller_row[3:] == ["5000.00", "2000.00", "3000.00", "5.00", "5.00", "5.00"]
    tds = _csv_rows(client.get("/seller/finance/tds/?month=2025-07&format=csv"))
    assert ["PANNOTAVBL", month_of_sales["no_pan"].name_en, "2000.00", "5", "100.00"] == tds[2][
        :5
    ] or any(r[0] == "PANNOTAVBL" and r[4] == "100.00" for r in tds)
    register = _csv_rows(client.get("/seller/finance/sales-register/?month=2025-06&format=csv"))
    assert len(register) == 5  # header + four lines


def test_order_trace_and_trial_balance(client, finance_user, month_of_sales):
    client.force_login(finance_user)
    order = month_of_sales["orders"]["A"]
    item = order.items.get()
    response = client.get(f"/seller/finance/orders/{order.number}/")
    assert response.status_code == 200
    for key in (f"deliver:{item.pk}", f"commission:{item.pk}", f"tcs:{item.pk}"):
        assert key in response.text
    assert response.context["held"] == 0
    assert response.context["entries_total"] == 0
    found = client.get("/seller/finance/", {"order": order.number.lower()})
    assert found.status_code == 302
    index = client.get("/seller/finance/")
    assert index.context["trial_balance"] == 0
    assert client.get("/seller/finance/orders/NOPE/").status_code == 404
