"""Provider callbacks as services: every one is stored as a NotificationCallback with what was
done about it, forged and repeated ones included, so an operator can see them all.

* :func:`callback_refused` stores one that failed its signature or token check (the view answers
  403) or could not be read.
* :func:`callback_report` applies a delivery report or a call's final status to the message,
  once: a report seen before (same provider and event key) is stored as a repeat and changes
  nothing. The report is recorded in the same transaction as the status change.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from odopmart.notifications.models import Notification, NotificationCallback
from odopmart.notifications.services import delivery_report_apply
from odopmart.notifications.states import CallbackOutcome

logger = logging.getLogger("odopmart.notifications")
Outcome = CallbackOutcome

MAX_PAYLOAD_VALUE = 2000


def _payload(payload: Mapping[str, Any]) -> dict[str, Any]:
    """What a provider sent, trimmed so that a huge or hostile request can't bloat the table."""
    clean: dict[str, Any] = {}
    for key, value in list(payload.items())[:60]:
        if isinstance(value, list | tuple):
            value = [str(item)[:MAX_PAYLOAD_VALUE] for item in value[:10]]
            value = value[0] if len(value) == 1 else value
        elif not isinstance(value, int | float | bool | type(None)):
            value = str(value)[:MAX_PAYLOAD_VALUE]
        clean[str(key)[:100]] = value
    return clean


def callback_seen(provider: str, event_key: str) -> bool:
    return NotificationCallback.objects.filter(provider=provider, event_key=event_key).exists()


def callback_store(**fields: Any) -> NotificationCallback:
    fields["payload"] = _payload(fields.get("payload") or {})
    fields.setdefault("received_at", timezone.now())
    return NotificationCallback.objects.create(**fields)


def callback_refused(
    *, provider: str, kind: str, payload: Mapping[str, Any], outcome: str = Outcome.FORGED,
    detail: str = "",
) -> NotificationCallback:  # fmt: skip
    logger.warning("Refused %s %s callback: %s", provider, kind, outcome)
    return callback_store(
        provider=provider, kind=kind, outcome=outcome, signature_valid=outcome != Outcome.FORGED,
        payload=payload, detail=detail,
    )  # fmt: skip


def callback_report(
    *,
    provider: str,
    kind: str,
    external_id: str,
    status: str,
    delivered: bool | None,
    error: str = "",
    payload: Mapping[str, Any],
    notification_providers: tuple[str, ...] | None = None,
) -> NotificationCallback:
    """Apply one verified report. `delivered` is None for a status on the way (ringing,
    submitted): stored, nothing changes. `notification_providers` are the outbox provider
    names whose messages this report may be about (default: `provider`)."""
    names = notification_providers or (provider,)
    event_key = f"{kind}:{external_id}:{status}"[:200]
    common = {
        "provider": provider, "kind": kind, "external_id": external_id[:100],
        "status": status[:40], "signature_valid": True, "payload": payload,
    }  # fmt: skip
    try:
        with transaction.atomic():
            if callback_seen(provider, event_key):
                return callback_store(**common, outcome=Outcome.DUPLICATE)
            notification = (
                Notification.objects.select_for_update()
                .filter(provider__in=names, provider_message_id=external_id)
                .first()
                if external_id
                else None
            )
            if notification is None:
                outcome = Outcome.UNKNOWN
            elif delivered is None:
                outcome = Outcome.IGNORED
            else:
                changed = delivery_report_apply(notification, delivered=delivered, error=error)
                outcome = Outcome.APPLIED if changed else Outcome.IGNORED
            return callback_store(
                **common, notification=notification, outcome=outcome, event_key=event_key,
                detail=error,
            )  # fmt: skip
    except IntegrityError:
        # The same report arrived twice at once; the other request applied it.
        return callback_store(**common, outcome=Outcome.DUPLICATE)
