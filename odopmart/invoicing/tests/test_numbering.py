from __future__ import annotations

import threading
from datetime import date

import pytest
from django.db import connection, transaction

from odopmart.invoicing.models import DocumentKind, InvoiceSeries
from odopmart.invoicing.numbering import document_number_next, financial_year


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        (date(2026, 3, 31), "2025-26"),
        (date(2026, 4, 1), "2026-27"),
        (date(2026, 11, 24), "2026-27"),
        (date(2099, 12, 31), "2099-00"),
    ],
)
def test_financial_year_starts_on_first_april(on: date, expected: str) -> None:
    assert financial_year(on) == expected


@pytest.mark.django_db
def test_numbers_run_per_issuer_kind_and_year(make_vendor) -> None:  # noqa: ANN001
    vendor = make_vendor()

    def take(kind: str, on: date, vendor_id: int | None = vendor.pk) -> str:
        with transaction.atomic():
            return document_number_next(vendor_id=vendor_id, kind=kind, on=on).number

    november, may = date(2026, 11, 24), date(2027, 5, 1)
    first = take(DocumentKind.TAX_INVOICE, november)
    assert first == f"V{vendor.pk}IN2627/00001"
    assert take(DocumentKind.TAX_INVOICE, november).endswith("/00002")
    assert take(DocumentKind.CREDIT_NOTE, november).endswith("CN2627/00001")
    assert take(DocumentKind.COMMISSION_INVOICE, november, None) == "OPCM2627/00001"
    # A new financial year starts again at 1.
    assert take(DocumentKind.TAX_INVOICE, may) == f"V{vendor.pk}IN2728/00001"
    assert all(len(s.prefix) + 6 <= 16 for s in InvoiceSeries.objects.all())


@pytest.mark.django_db
def test_a_rolled_back_document_gives_its_number_back(make_vendor) -> None:  # noqa: ANN001
    vendor = make_vendor()
    on = date(2026, 11, 24)

    def issue_and_fail() -> None:
        with transaction.atomic():
            document_number_next(vendor_id=vendor.pk, kind=DocumentKind.TAX_INVOICE, on=on)
            raise RuntimeError("the invoice failed to save")

    with pytest.raises(RuntimeError):
        issue_and_fail()
    with transaction.atomic():
        taken = document_number_next(vendor_id=vendor.pk, kind=DocumentKind.TAX_INVOICE, on=on)
    assert taken.serial == 1


@pytest.mark.django_db(transaction=True)
def test_numbers_must_be_taken_inside_a_transaction(make_vendor) -> None:  # noqa: ANN001
    with pytest.raises(RuntimeError):
        document_number_next(
            vendor_id=make_vendor().pk, kind=DocumentKind.TAX_INVOICE, on=date(2026, 11, 24)
        )


@pytest.mark.django_db(transaction=True)
def test_concurrent_issues_never_repeat_or_skip(make_vendor) -> None:  # noqa: ANN001
    if connection.vendor == "sqlite" and connection.settings_dict["NAME"].startswith(
        ("file:memorydb", ":memory:")
    ):
        pytest.skip("threads cannot share an in-memory SQLite database; runs on PostgreSQL")
    vendor = make_vendor()
    on = date(2026, 11, 24)
    taken: list[int] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def issue(count: int) -> None:
        try:
            for _ in range(count):
                with transaction.atomic():
                    number = document_number_next(
                        vendor_id=vendor.pk, kind=DocumentKind.TAX_INVOICE, on=on
                    )
                with lock:
                    taken.append(number.serial)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=issue, args=(10,)) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert sorted(taken) == list(range(1, 61))
