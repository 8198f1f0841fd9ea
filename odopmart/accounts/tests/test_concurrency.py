from __future__ import annotations

import threading

import pytest
from django.db import connection

from odopmart.accounts.exceptions import AuthError
from odopmart.accounts.models import OtpChallenge
from odopmart.accounts.otp import otp_request

PHONE = "+919876543210"


def run_together(count: int, work) -> list[object]:
    barrier = threading.Barrier(count)
    results: list[object] = [None] * count

    def worker(index: int) -> None:
        try:
            barrier.wait()
            results[index] = work(index)
        except Exception as error:  # noqa: BLE001 - collected for the assertions
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def _in_memory_sqlite() -> bool:
    return connection.vendor == "sqlite" and connection.is_in_memory_db()


@pytest.mark.django_db(transaction=True)
def test_racing_requests_for_one_phone_send_one_code(sms_outbox):
    if _in_memory_sqlite():
        pytest.skip("in-memory SQLite locks whole tables without waiting; set TEST_SQLITE_NAME")
    results = run_together(4, lambda n: otp_request(phone=PHONE, ip=f"198.51.100.{n}"))

    sent = [result for result in results if not isinstance(result, Exception)]
    refused = [result for result in results if isinstance(result, AuthError)]
    assert len(sent) == 1, results
    assert [error.code for error in refused] == ["too_many_codes"] * 3
    assert OtpChallenge.objects.filter(phone=PHONE).count() == 1
    assert len(sms_outbox) == 1
