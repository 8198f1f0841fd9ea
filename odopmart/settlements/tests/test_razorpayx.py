"""RazorpayX payouts against the documented shapes (respx): contacts, fund accounts, payouts
with X-Payout-Idempotency, a 5xx retried with back-off under the same key, a rejected payout,
and signed, de-duplicated webhooks."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import date, timedelta
from typing import Any

import httpx
import pytest
import respx
import time_machine
from django.test import Client

from odopmart.ledger.models import AccountKind, JournalEntry
from odopmart.ledger.posting import ledger_balance, ledger_trial_balance
from odopmart.settlements.models import (
    FundAccount,
    Payout,
    PayoutStatus,
    PayoutWebhook,
    Settlement,
    SettlementStatus,
)
from odopmart.settlements.services import (
    payout_send,
    payouts_send_due,
    settlement_pay_again,
    settlement_run,
)
from odopmart.settlements.tests.conftest import at, deliver, recognise

pytestmark = pytest.mark.django_db
A = AccountKind
BASE = "https://api.razorpay.com"
SECRET = "whsec_test_payouts"


@pytest.fixture(autouse=True)
def _razorpayx(settings: Any) -> None:
    settings.SETTLEMENTS = {
        "PROVIDER": "razorpayx",
        "RAZORPAYX_KEY_ID": "rzp_test_key",
        "RAZORPAYX_KEY_SECRET": "rzp_test_secret",
        "RAZORPAYX_ACCOUNT_NUMBER": "7878780080316316",
        "RAZORPAYX_WEBHOOK_SECRET": SECRET,
        "PAYOUT_MAX_ATTEMPTS": 3,
        "PAYOUT_RETRY_BASE_SECONDS": 60,
        "ARTISAN_PAYOUTS": "platform",
    }


def payout_entity(status: str, *, amount: int, key: str = "", utr: Any = None, **extra: Any):
    entity = {
        "id": "pout_00000000000001",
        "entity": "payout",
        "fund_account_id": "fa_00000000000001",
        "amount": amount,
        "currency": "INR",
        "notes": {},
        "fees": 0,
        "tax": 0,
        "status": status,
        "utr": utr,
        "mode": "NEFT",
        "purpose": "vendor bill",
        "reference_id": key,
        "narration": "ODOP settlement 1",
        "batch_id": None,
        "status_details": None,
        "created_at": 1738368000,
    }
    entity.update(extra)
    return entity


def mock_beneficiary(router: respx.MockRouter) -> tuple[Any, Any]:
    contacts = router.post(f"{BASE}/v1/contacts").mock(
        return_value=httpx.Response(
            200,
            json={
                "id": "cont_00000000000001",
                "entity": "contact",
                "name": "Hunar Handicrafts",
                "type": "vendor",
                "active": True,
                "created_at": 1738368000,
            },
        )  # fmt: skip
    )
    funds = router.post(f"{BASE}/v1/fund_accounts").mock(
        return_value=httpx.Response(
            200,
            json={
                "id": "fa_00000000000001",
                "entity": "fund_account",
                "contact_id": "cont_00000000000001",
                "account_type": "bank_account",
                "bank_account": {
                    "ifsc": "HDFC0001234",
                    "bank_name": "HDFC Bank",
                    "name": "Hunar Handicrafts",
                    "account_number": "50100012345678",
                },
                "active": True,
                "created_at": 1738368000,
            },
        )  # fmt: skip
    )
    return contacts, funds


@pytest.fixture
def settled(sale, seller, product_of, commission):
    """One settlement of ₹1,304 − … for the seller: 2 × ₹1,050, no artisan share."""
    order = sale((product_of(seller), 2), on=date(2025, 1, 15))
    deliver(order, date(2025, 1, 20))
    recognise(date(2025, 1, 28))
    with respx.mock(assert_all_called=False) as router:
        router.post(f"{BASE}/v1/contacts").mock(return_value=httpx.Response(503))
        batch = settlement_run(now=at(date(2025, 2, 1)))  # sent on commit: not in a test
    settlement = Settlement.objects.get(batch=batch)
    assert settlement.net_paise == 210000 - 23600 - 1000 - 200
    return settlement


def test_payout_is_sent_with_our_idempotency_key_and_basic_auth(settled):
    payout = Payout.objects.get(settlement=settled)
    assert payout.status == PayoutStatus.PENDING
    with respx.mock as router:
        contacts, funds = mock_beneficiary(router)
        create = router.post(f"{BASE}/v1/payouts").mock(
            return_value=httpx.Response(
                200, json=payout_entity("processing", amount=185200, key=payout.idempotency_key)
            )
        )
        payouts_send_due(now=at(date(2025, 2, 2)))

    request = create.calls.last.request
    assert request.headers["X-Payout-Idempotency"] == payout.idempotency_key
    assert request.headers["Authorization"].startswith("Basic ")
    body = json.loads(request.content)
    assert body["amount"] == 185200
    assert body["account_number"] == "7878780080316316"
    assert body["fund_account_id"] == "fa_00000000000001"
    assert body["currency"] == "INR"
    assert json.loads(funds.calls.last.request.content)["bank_account"] == {
        "name": "Hunar Handicrafts", "ifsc": "HDFC0001234", "account_number": "50100012345678",
    }  # fmt: skip
    assert contacts.call_count == 1
    assert FundAccount.objects.get().fund_account_id == "fa_00000000000001"
    payout.refresh_from_db()
    assert payout.status == PayoutStatus.PROCESSING
    assert payout.provider_payout_id == "pout_00000000000001"
    assert ledger_balance(A.BANK) == 0  # not processed yet


def test_a_500_is_retried_with_back_off_and_the_same_key(settled):
    payout = Payout.objects.get(settlement=settled)
    with respx.mock as router:
        mock_beneficiary(router)
        create = router.post(f"{BASE}/v1/payouts").mock(
            side_effect=[
                httpx.Response(500, json={"error": {"code": "SERVER_ERROR"}}),
                httpx.Response(
                    200, json=payout_entity("processed", amount=185200, utr="NEFTN5202502")
                ),
            ]
        )
        with time_machine.travel(at(date(2025, 2, 2)), tick=False):
            payout_send(payout)
            payout.refresh_from_db()
            assert payout.status == PayoutStatus.PENDING
            assert payout.attempts == 1
            assert payout.next_attempt_at == at(date(2025, 2, 2)) + timedelta(seconds=60)
            assert payouts_send_due() == 0  # not before its time
        with time_machine.travel(at(date(2025, 2, 2)) + timedelta(seconds=61), tick=False):
            assert payouts_send_due() == 1

    keys = {call.request.headers["X-Payout-Idempotency"] for call in create.calls}
    assert keys == {payout.idempotency_key}
    assert create.call_count == 2
    payout.refresh_from_db()
    settled.refresh_from_db()
    assert payout.status == PayoutStatus.PROCESSED
    assert settled.status == SettlementStatus.RECONCILED
    assert settled.utr == "NEFTN5202502"
    assert ledger_balance(A.VENDOR_PAYABLE, vendor_id=settled.vendor_id) == 0
    assert JournalEntry.objects.filter(dedupe_key=f"settle:{settled.pk}").count() == 1
    assert ledger_trial_balance() == 0


def test_payout_fails_after_the_last_attempt(settled):
    payout = Payout.objects.get(settlement=settled)
    with respx.mock as router:
        mock_beneficiary(router)
        router.post(f"{BASE}/v1/payouts").mock(side_effect=httpx.ConnectTimeout("slow"))
        for _ in range(3):
            Payout.objects.filter(pk=payout.pk).update(next_attempt_at=at(date(2025, 2, 1)))
            payouts_send_due(now=at(date(2025, 2, 2)))
    payout.refresh_from_db()
    settled.refresh_from_db()
    assert payout.status == PayoutStatus.FAILED
    assert payout.attempts == 3
    assert settled.status == SettlementStatus.FAILED
    assert ledger_balance(A.BANK) == 0


def test_rejected_payout_keeps_the_books_and_a_new_payout_gets_a_new_key(settled):
    payout = Payout.objects.get(settlement=settled)
    with respx.mock as router:
        mock_beneficiary(router)
        router.post(f"{BASE}/v1/payouts").mock(
            return_value=httpx.Response(
                200,
                json=payout_entity(
                    "rejected",
                    amount=185200,
                    status_details={
                        "reason": "beneficiary_bank_rejected",
                        "source": "bank",
                        "description": "The beneficiary bank rejected the payout.",
                    },
                ),  # fmt: skip
            )
        )
        payout_send(payout)
    payout.refresh_from_db()
    settled.refresh_from_db()
    assert payout.status == PayoutStatus.REJECTED
    assert payout.failure_reason == "The beneficiary bank rejected the payout."
    assert settled.status == SettlementStatus.DUE
    assert settled.last_problem == payout.failure_reason
    assert ledger_balance(A.VENDOR_PAYABLE, vendor_id=settled.vendor_id) == -185200
    assert ledger_balance(A.BANK) == 0

    with respx.mock as router:
        router.post(f"{BASE}/v1/payouts").mock(
            return_value=httpx.Response(
                400,
                json={
                    "error": {
                        "code": "BAD_REQUEST_ERROR",
                        "description": "Insufficient data",
                        "source": "business",
                        "step": None,
                        "reason": None,
                        "metadata": {},
                        "field": None,
                    }
                },
            )  # fmt: skip
        )
        again = settlement_pay_again(settled, actor=None)
        payout_send(again)  # on-commit sending does not run inside a test transaction
    again.refresh_from_db()
    assert again.idempotency_key != payout.idempotency_key
    assert again.status == PayoutStatus.REJECTED
    assert again.failure_reason == "Insufficient data"
    assert ledger_trial_balance() == 0


def webhook(client: Client, body: dict[str, Any], *, secret: str = SECRET, event_id: str = ""):
    raw = json.dumps(body).encode()
    signature = hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
    headers = {"HTTP_X_RAZORPAY_SIGNATURE": signature}
    if event_id:
        headers["HTTP_X_RAZORPAY_EVENT_ID"] = event_id
    return client.post(
        "/webhooks/settlements/razorpayx/", raw, content_type="application/json", **headers
    )


def event(name: str, entity: dict[str, Any]) -> dict[str, Any]:
    return {
        "entity": "event",
        "account_id": "acc_00000000000001",
        "event": name,
        "contains": ["payout"],
        "payload": {"payout": {"entity": entity}},
        "created_at": 1738368000,
    }


def test_webhooks_settle_reverse_and_ignore_repeats(settled):
    payout = Payout.objects.get(settlement=settled)
    Payout.objects.filter(pk=payout.pk).update(
        status=PayoutStatus.PROCESSING, provider_payout_id="pout_00000000000001"
    )
    client = Client()
    processed = event("payout.processed", payout_entity("processed", amount=185200, utr="NEFTN777"))

    assert webhook(client, processed, secret="wrong").status_code == 400
    assert ledger_balance(A.BANK) == 0
    first = webhook(client, processed, event_id="evt_1")
    assert first.json() == {"status": "applied"}
    assert webhook(client, processed, event_id="evt_1").json() == {"status": "duplicate"}
    # Delivered again under another event id: recognised by payout id and status.
    assert webhook(client, processed, event_id="evt_2").json() == {"status": "ignored"}
    assert ledger_balance(A.BANK) == -185200
    settled.refresh_from_db()
    assert settled.status == SettlementStatus.RECONCILED

    reversed_ = event(
        "payout.reversed",
        payout_entity(
            "reversed", amount=185200, utr="NEFTN777",
            status_details={"reason": "beneficiary_account_closed", "source": "beneficiary_bank",
                            "description": "Beneficiary account is closed."},
        ),
    )  # fmt: skip
    assert webhook(client, reversed_, event_id="evt_3").json() == {"status": "applied"}
    settled.refresh_from_db()
    assert settled.status == SettlementStatus.DUE
    assert settled.last_problem == "Beneficiary account is closed."
    assert ledger_balance(A.BANK) == 0
    assert ledger_balance(A.VENDOR_PAYABLE, vendor_id=settled.vendor_id) == -185200
    # A late "processed" after the reversal is ignored.
    assert webhook(client, processed, event_id="evt_4").json() == {"status": "ignored"}
    assert ledger_trial_balance() == 0
    assert PayoutWebhook.objects.count() == 4  # the refused signature is not stored


def test_webhook_finds_a_payout_whose_answer_was_lost_by_its_reference(settled):
    payout = Payout.objects.get(settlement=settled)
    body = event(
        "payout.processed",
        payout_entity("processed", amount=185200, key=payout.idempotency_key, utr="NEFTN888"),
    )
    assert webhook(Client(), body, event_id="evt_9").json() == {"status": "applied"}
    payout.refresh_from_db()
    assert payout.status == PayoutStatus.PROCESSED
    assert payout.provider_payout_id == "pout_00000000000001"
    assert ledger_trial_balance() == 0


def test_manual_provider_has_no_webhook():
    response = Client().post(
        "/webhooks/settlements/manual/", b"{}", content_type="application/json"
    )
    assert response.status_code == 400
    nope = Client().post("/webhooks/settlements/nope/", b"{}", content_type="application/json")
    assert nope.status_code == 404
