"""COD remittance files: matched lines post Dr bank / Cr cod_receivable and capture the COD
payment; each kind of mismatch is listed; malformed and repeated files are refused whole."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from odopmart.ledger.models import AccountKind, JournalEntry
from odopmart.ledger.posting import ledger_balance, ledger_trial_balance
from odopmart.logistics.models import Shipment
from odopmart.payments.models import Payment
from odopmart.settlements.cod import cod_remittance_import, parse_amount, parse_date
from odopmart.settlements.exceptions import CodFileError
from odopmart.settlements.models import CodOutcome, CodRemittanceFile, CodRemittanceLine
from odopmart.settlements.tests.conftest import deliver

pytestmark = pytest.mark.django_db
A = AccountKind


def parcel(seller_order: Any, awb: str, *, cod: int, status: str = "delivered") -> Shipment:
    item = seller_order.items.first()
    return Shipment.objects.create(
        seller_order=seller_order,
        artisan_id=item.artisan_id,
        reference=f"{seller_order.number}-{awb[-4:]}",
        provider="sandbox",
        status=status,
        awb=awb,
        pickup_name="Rukhsana",
        pickup_address="Chowk, Lucknow",
        pickup_pincode="226003",
        weight_grams=500,
        length_cm=20,
        width_cm=15,
        height_cm=5,
        declared_value_paise=210000,
        cod_amount_paise=cod,
    )


@pytest.fixture
def orders(sale, seller, product_of, commission):
    """Two delivered COD orders, one COD order not delivered, one online order."""
    product = product_of(seller)
    cod_a = sale((product, 2), on=date(2025, 1, 15), method="cod")
    cod_b = sale((product, 2), on=date(2025, 1, 15), method="cod")
    cod_late = sale((product, 2), on=date(2025, 1, 15), method="cod")
    online = sale((product, 2), on=date(2025, 1, 15))
    for order in (cod_a, cod_b, cod_late):
        # What payments records when the buyer chooses cash on delivery.
        Payment.objects.create(
            order=order, provider="cod", status="cod_pending", method="cod",
            amount_paise=order.grand_total_paise,
        )  # fmt: skip
    deliver(cod_a, date(2025, 1, 20))
    deliver(cod_b, date(2025, 1, 20))
    deliver(online, date(2025, 1, 20))
    shipments = {
        "a": parcel(cod_a.seller_orders.get(), "SR100000001", cod=210000),
        "b": parcel(cod_b.seller_orders.get(), "SR100000002", cod=210000),
        "late": parcel(
            cod_late.seller_orders.get(), "SR100000003", cod=210000, status="in_transit"
        ),
        "online": parcel(online.seller_orders.get(), "SR100000004", cod=0),
    }
    assert ledger_balance(A.COD_RECEIVABLE) == 420000
    return {"a": cod_a, "b": cod_b, "late": cod_late, "online": online, "parcels": shipments}


def test_remittance_matches_and_lists_every_kind_of_mismatch(orders):
    so_b = orders["b"].seller_orders.get()
    data = (
        "AWB No,Order ID,COD Amount,Remittance Date,UTR No\n"
        'SR100000001,,"2,100.00",03-02-2025,UTIB000111\n'  # matched
        f",{so_b.number},2000,2025-02-03,UTIB000111\n"  # amount differs
        "SR999999999,,2100,2025-02-03,UTIB000111\n"  # unknown AWB
        "SR100000004,,2100,2025-02-03,UTIB000111\n"  # paid online
        "SR100000003,,2100,2025-02-03,UTIB000111\n"  # still in transit
        "SR100000001,,2100,2025-02-03,UTIB000111\n"  # the same parcel again
    ).encode()

    remittance = cod_remittance_import(data, name="delhivery-feb.csv")

    outcomes = list(remittance.lines.order_by("line_number").values_list("outcome", flat=True))
    assert outcomes == [
        CodOutcome.MATCHED,
        CodOutcome.AMOUNT_MISMATCH,
        CodOutcome.UNKNOWN_AWB,
        CodOutcome.NOT_COD,
        CodOutcome.NOT_DELIVERED,
        CodOutcome.DUPLICATE_LINE,
    ]
    mismatch = remittance.lines.get(outcome=CodOutcome.AMOUNT_MISMATCH)
    assert (mismatch.amount_paise, mismatch.expected_paise) == (200000, 210000)
    assert mismatch.seller_order == so_b
    assert (remittance.row_count, remittance.matched_count, remittance.mismatch_count) == (6, 1, 5)
    assert remittance.matched_paise == 210000
    # Only the matched line moved money: Dr bank / Cr cod_receivable.
    matched = remittance.lines.get(outcome=CodOutcome.MATCHED)
    entry = JournalEntry.objects.get(dedupe_key=f"cod-remit:{matched.pk}")
    assert entry.seller_order == orders["a"].seller_orders.get()
    assert entry.occurred_on == date(2025, 2, 3)
    assert ledger_balance(A.BANK) == 210000
    assert ledger_balance(A.COD_RECEIVABLE) == 210000
    assert ledger_trial_balance() == 0
    # The order's cash is all in: its COD payment is captured; the other is still pending.
    assert orders["a"].payments.get().status == "captured"
    assert orders["b"].payments.get().status == "cod_pending"

    # The same parcel in a later file is a duplicate, not a second remittance.
    later = cod_remittance_import(
        b"awb,cod_amount,remittance_date\nSR100000001,2100,2025-02-10\n"
        b"SR100000002,2100.00,2025-02-10\n",
        name="feb-2.csv",
    )
    assert list(later.lines.values_list("outcome", flat=True)) == [
        CodOutcome.DUPLICATE_LINE,
        CodOutcome.MATCHED,
    ]
    assert ledger_balance(A.COD_RECEIVABLE) == 0
    assert ledger_balance(A.BANK) == 420000
    assert orders["b"].payments.get().status == "captured"
    assert ledger_trial_balance() == 0


def test_a_seller_order_number_matches_when_there_is_no_parcel(
    sale, seller, product_of, commission
):
    order = sale((product_of(seller), 2), on=date(2025, 1, 15), method="cod")
    deliver(order, date(2025, 1, 20))
    number = order.seller_orders.get().number
    remittance = cod_remittance_import(
        f"Waybill,Order Number,Amount,Date\n,{number},2100,03/02/2025\n".encode(), name="x.csv"
    )
    line = remittance.lines.get()
    assert line.outcome == CodOutcome.MATCHED
    assert line.expected_paise == 210000
    assert ledger_balance(A.COD_RECEIVABLE) == 0
    assert ledger_trial_balance() == 0


def test_the_same_file_twice_is_refused(orders):
    data = b"awb,cod_amount,remittance_date,utr\nSR100000001,2100,2025-02-03,UTIB1\n"
    cod_remittance_import(data, name="a.csv")
    with pytest.raises(CodFileError) as refused:
        cod_remittance_import(data, name="a-again.csv")
    assert refused.value.code == "duplicate_file"
    assert "already imported" in refused.value.message
    assert CodRemittanceFile.objects.count() == 1
    assert ledger_balance(A.BANK) == 210000


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"\n\n", "empty"),
        (b"awb,cod_amount,remittance_date\n", "no_lines"),
        (b"awb,remittance_date\nSR100000001,2025-02-03\n", "missing_columns"),
        (b"utr,cod_amount,remittance_date\nX,2100,2025-02-03\n", "missing_columns"),
        (b"awb,cod_amount,remittance_date\nSR100000001,abc,2025-02-03\n", "bad_lines"),
        (b"awb,cod_amount,remittance_date\nSR100000001,-5,2025-02-03\n", "bad_lines"),
        (b"awb,cod_amount,remittance_date\nSR100000001,21.005,2025-02-03\n", "bad_lines"),
        (b"awb,cod_amount,remittance_date\nSR100000001,2100,31-31-2025\n", "bad_lines"),
        # One bad line among good ones: nothing at all is imported.
        (b"awb,cod_amount,remittance_date\nSR100000001,2100,2025-02-03\n,2100,2025-02-03\n",
         "bad_lines"),
        (b"\xff\xfeawb", "not_utf8"),
    ],
)  # fmt: skip
def test_malformed_files_are_refused_and_nothing_is_written(orders, data, code):
    with pytest.raises(CodFileError) as refused:
        cod_remittance_import(data, name="bad.csv")
    assert refused.value.code == code
    assert refused.value.message
    assert not CodRemittanceFile.objects.exists()
    assert not CodRemittanceLine.objects.exists()
    assert ledger_balance(A.BANK) == 0


def test_amounts_and_dates_in_common_spellings():
    assert parse_amount("1,050.50") == 105050
    assert parse_amount("₹ 1050") == 105000
    assert parse_amount("Rs. 99.5") == 9950
    assert parse_amount("0") is None
    assert parse_amount("1e3") is None
    assert parse_date("03-Feb-2025") == date(2025, 2, 3)
    assert parse_date("2025/02/03") == date(2025, 2, 3)
    assert parse_date("Feb 3") is None
