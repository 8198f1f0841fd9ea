"""Payout webhooks (RazorpayX): verified over the raw body, recorded once, applied once."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping

from django.db import IntegrityError, transaction

from odopmart.settlements.models import Payout, PayoutWebhook
from odopmart.settlements.providers import provider_for
from odopmart.settlements.services import payout_apply

logger = logging.getLogger("odopmart.settlements")


def payout_webhook_receive(provider_name: str, body: bytes, headers: Mapping[str, str]) -> str:
    """Returns the outcome: "bad_signature", "bad_body", "duplicate", "unknown_payout",
    "applied" or "ignored". KeyError for an unknown provider."""
    provider = provider_for(provider_name)
    if not provider.verify_webhook(body, headers):
        return "bad_signature"
    try:
        data = json.loads(body)
    except ValueError:
        return "bad_body"
    if not isinstance(data, dict):
        return "bad_body"
    event = provider.parse_webhook(data, headers)
    try:
        with transaction.atomic():
            record = PayoutWebhook.objects.create(
                provider=provider.name,
                event_id=event.event_id,
                event=event.event[:40],
                provider_payout_id=event.payout.provider_payout_id,
                payout_status=event.payout.status,
                signature_valid=True,
                body=body.decode("utf-8", "replace")[:20000],
            )
    except IntegrityError:
        return "duplicate"
    payout = None
    if event.payout.provider_payout_id:
        payout = Payout.objects.filter(
            provider=provider.name, provider_payout_id=event.payout.provider_payout_id
        ).first()
    if payout is None and event.idempotency_key:
        # Our reference_id: a payout whose create answer we never saw (timeout).
        payout = Payout.objects.filter(
            provider=provider.name, idempotency_key=event.idempotency_key
        ).first()
    if payout is None:
        outcome = "unknown_payout"
    else:
        before = (payout.status, payout.utr)
        payout = payout_apply(payout, event.payout, source="webhook")
        outcome = "applied" if (payout.status, payout.utr) != before else "ignored"
    PayoutWebhook.objects.filter(pk=record.pk).update(outcome=outcome)
    logger.info("payout webhook %s %s: %s", event.event, event.event_id, outcome)
    return outcome
