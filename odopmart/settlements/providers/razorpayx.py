"""RazorpayX payouts over its REST API (httpx, Basic auth with the key id and secret).

A beneficiary is registered once as a contact (``POST /v1/contacts``) with a bank-account fund
account (``POST /v1/fund_accounts``), kept in ``FundAccount``. Each payout is
``POST /v1/payouts`` with our idempotency key in ``X-Payout-Idempotency`` (mandatory since
March 2025): sent again after a 5xx or a timeout, RazorpayX answers with the same payout and
never pays twice. Webhooks (payout.queued / initiated / processed / reversed / rejected /
failed / updated) are signed with HMAC-SHA256 of the raw body in ``X-Razorpay-Signature``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx

from odopmart.settlements.conf import settlement_setting
from odopmart.settlements.exceptions import PayoutRefused, TransientPayoutError
from odopmart.settlements.models import FundAccount, PayoutStatus
from odopmart.settlements.providers.base import (
    PayoutProvider,
    PayoutWebhookEvent,
    ProviderPayout,
)

if TYPE_CHECKING:
    from odopmart.settlements.models import Payout

SIGNATURE_HEADER = "X-Razorpay-Signature"
EVENT_ID_HEADER = "X-Razorpay-Event-Id"
IDEMPOTENCY_HEADER = "X-Payout-Idempotency"

# RazorpayX payout statuses → ours ("pending" means awaiting approval on their dashboard: it
# has not moved money, so we show it as queued; "cancelled" never moved money either).
STATUS_MAP = {
    "pending": PayoutStatus.QUEUED,
    "queued": PayoutStatus.QUEUED,
    "processing": PayoutStatus.PROCESSING,
    "processed": PayoutStatus.PROCESSED,
    "reversed": PayoutStatus.REVERSED,
    "rejected": PayoutStatus.REJECTED,
    "failed": PayoutStatus.FAILED,
    "cancelled": PayoutStatus.REJECTED,
}


def _header(headers: Mapping[str, str], name: str) -> str:
    wanted = name.lower()
    for key, value in headers.items():
        if key.lower() == wanted:
            return str(value)
    return ""


def _reason(entity: Mapping[str, Any]) -> str:
    details = entity.get("status_details") or {}
    if isinstance(details, Mapping):
        text = details.get("description") or details.get("reason") or ""
        if text:
            return str(text)
    return str(entity.get("failure_reason") or "")


def provider_payout(entity: Mapping[str, Any]) -> ProviderPayout:
    status = STATUS_MAP.get(str(entity.get("status") or ""), PayoutStatus.PROCESSING)
    return ProviderPayout(
        status=status,
        provider_payout_id=str(entity.get("id") or ""),
        utr=str(entity.get("utr") or ""),
        reason=_reason(entity) if status not in (PayoutStatus.PROCESSED,) else "",
    )


class RazorpayX(PayoutProvider):
    name = "razorpayx"
    sends_itself = True

    def _client(self) -> httpx.Client:
        return httpx.Client(
            base_url=str(settlement_setting("RAZORPAYX_BASE_URL")),
            auth=(
                str(settlement_setting("RAZORPAYX_KEY_ID")),
                str(settlement_setting("RAZORPAYX_KEY_SECRET")),
            ),
            timeout=float(settlement_setting("RAZORPAYX_TIMEOUT_SECONDS")),
            headers={"Content-Type": "application/json"},
        )

    def _post(
        self, client: httpx.Client, path: str, body: dict[str, Any], **headers: str
    ) -> dict[str, Any]:
        try:
            response = client.post(path, content=json.dumps(body), headers=headers or None)
        except httpx.HTTPError as error:  # timeouts, refused connections
            raise TransientPayoutError(f"{path}: {error.__class__.__name__}") from error
        if response.status_code >= 500 or response.status_code == 429:
            raise TransientPayoutError(f"{path}: HTTP {response.status_code}")
        try:
            data = response.json()
        except ValueError as error:
            raise TransientPayoutError(f"{path}: not JSON (HTTP {response.status_code})") from error
        if response.status_code >= 400:
            error = data.get("error") if isinstance(data, dict) else None
            detail = ""
            if isinstance(error, dict):
                detail = str(error.get("description") or error.get("code") or "")
            raise PayoutRefused(detail or f"HTTP {response.status_code}")
        return data if isinstance(data, dict) else {}

    def _fund_account(self, client: httpx.Client, payout: Payout) -> str:
        known = FundAccount.objects.filter(
            provider=self.name, account_number=payout.account_number, ifsc=payout.ifsc
        ).first()
        if known is not None:
            return known.fund_account_id
        beneficiary = payout.beneficiary
        contact = self._post(
            client,
            "/v1/contacts",
            {
                "name": payout.beneficiary_name[:50],
                "type": "vendor" if payout.vendor_id else "employee",
                "reference_id": (
                    f"vendor-{payout.vendor_id}"
                    if payout.vendor_id
                    else f"artisan-{payout.artisan_id}"
                ),
                "notes": {"odopmart": str(beneficiary)[:100] if beneficiary else ""},
            },
        )
        fund = self._post(
            client,
            "/v1/fund_accounts",
            {
                "contact_id": contact.get("id"),
                "account_type": "bank_account",
                "bank_account": {
                    "name": payout.beneficiary_name[:50],
                    "ifsc": payout.ifsc,
                    "account_number": payout.account_number,
                },
            },
        )
        fund_id = str(fund.get("id") or "")
        if not fund_id:
            raise TransientPayoutError("/v1/fund_accounts: no id in the answer")
        FundAccount.objects.get_or_create(
            provider=self.name,
            account_number=payout.account_number,
            ifsc=payout.ifsc,
            defaults={
                "name": payout.beneficiary_name,
                "contact_id": str(contact.get("id") or ""),
                "fund_account_id": fund_id,
            },
        )
        return fund_id

    def send(self, payout: Payout) -> ProviderPayout:
        with self._client() as client:
            fund_account_id = self._fund_account(client, payout)
            entity = self._post(
                client,
                "/v1/payouts",
                {
                    "account_number": str(settlement_setting("RAZORPAYX_ACCOUNT_NUMBER")),
                    "fund_account_id": fund_account_id,
                    "amount": int(payout.amount_paise),
                    "currency": "INR",
                    "mode": str(settlement_setting("RAZORPAYX_MODE")),
                    "purpose": "vendor bill" if payout.vendor_id else "payout",
                    "queue_if_low_balance": True,
                    "reference_id": payout.idempotency_key[:40],
                    "narration": payout.narration,
                    "notes": {"payout": str(payout.pk)},
                },
                **{IDEMPOTENCY_HEADER: payout.idempotency_key},
            )
        return provider_payout(entity)

    def verify_webhook(self, body: bytes, headers: Mapping[str, str]) -> bool:
        secret = str(settlement_setting("RAZORPAYX_WEBHOOK_SECRET"))
        signature = _header(headers, SIGNATURE_HEADER).strip()
        if not secret or not signature:
            return False
        expected = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, signature)

    def parse_webhook(
        self, body: Mapping[str, Any], headers: Mapping[str, str]
    ) -> PayoutWebhookEvent:
        payload = body.get("payload") or {}
        entity: Mapping[str, Any] = {}
        if isinstance(payload, Mapping):
            found = (payload.get("payout") or {}).get("entity")
            entity = found if isinstance(found, Mapping) else {}
        event = str(body.get("event") or "")
        payout = provider_payout(entity)
        # Without Razorpay's event id, a payout id + status is the documented de-duplication.
        event_id = _header(headers, EVENT_ID_HEADER) or (
            f"{payout.provider_payout_id}:{entity.get('status')}:{payout.utr}"
        )
        return PayoutWebhookEvent(
            event_id=event_id[:80],
            event=event,
            payout=payout,
            idempotency_key=str(entity.get("reference_id") or ""),
        )
