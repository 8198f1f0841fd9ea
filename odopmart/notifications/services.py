"""Write paths of the outbox.

* :func:`notification_enqueue` writes the message in the caller's transaction and asks for it to
  be sent once that transaction commits (nothing is sent if it rolls back).
* :func:`notification_attempt` makes one attempt: it claims the row in a short transaction,
  calls the provider outside any transaction, and records the outcome in another. A failed
  attempt is scheduled again after an exponential back-off (the task queue's ``run_after``;
  no worker ever sleeps); after ``MAX_ATTEMPTS`` the message is "failed" for a person.
  Running it twice, or for a message already handled, changes nothing.
* :func:`notification_dispatch_due` is the safety net run from a timer: it picks up messages
  whose retry is due and attempts that died half-way.
* :func:`notification_resend` / :func:`notification_cancel` are the operator's actions.

Every status change goes through :func:`_transition`, which checks the transition table and
appends a :class:`NotificationEvent`.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from odopmart.notifications import sealing
from odopmart.notifications.conf import notification_setting
from odopmart.notifications.message_templates import SECRET_MASK, TemplateError, template_get
from odopmart.notifications.models import Notification, NotificationEvent
from odopmart.notifications.providers import (
    OutgoingMessage,
    ProviderError,
    ProviderResult,
    provider_for,
)
from odopmart.notifications.states import (
    FINAL_STATUSES,
    NOTIFICATION_TRANSITIONS,
    Channel,
    EventKind,
    NotificationStatus,
)

logger = logging.getLogger("odopmart.notifications")

Actor = AbstractBaseUser | AnonymousUser | None
S = NotificationStatus
E164 = re.compile(r"\+[1-9]\d{7,14}")


class NotificationError(Exception):
    """An operator action that does not apply to the message in its current state."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


def retry_delay(attempt: int) -> timedelta:
    """How long to wait after failed attempt number `attempt` (1-based) before the next one."""
    base = int(notification_setting("RETRY_BASE_SECONDS"))
    ceiling = int(notification_setting("RETRY_MAX_SECONDS"))
    return timedelta(seconds=min(base * 2 ** max(attempt - 1, 0), ceiling))


def _language(code: str) -> str:
    return (code or "en").split("-")[0].lower()


def _actor_user(actor: Actor) -> Any:
    return actor if actor is not None and getattr(actor, "is_authenticated", False) else None


def _transition(
    notification: Notification,
    to: str,
    *,
    kind: str,
    actor: Actor = None,
    detail: str = "",
    fields: Iterable[str] = (),
) -> None:
    """Move a locked (or just created) row to `to`, saving `fields` too, and log the event."""
    from_status = notification.status
    if to not in NOTIFICATION_TRANSITIONS[from_status]:
        raise NotificationError(
            "transition_not_allowed",
            gettext("A message that is %(from)s can't become %(to)s.")
            % {"from": S(from_status).label, "to": S(to).label},
        )
    notification.status = to
    if to in FINAL_STATUSES or to == S.SENT:
        notification.sealed_context = ""  # the secret is no longer needed by anyone
        fields = [*fields, "sealed_context"]
    notification.save(update_fields=["status", *fields])
    NotificationEvent.objects.create(
        notification=notification,
        kind=kind,
        from_status=from_status,
        to_status=to,
        attempt=notification.attempts,
        provider=notification.provider,
        detail=detail,
        actor=_actor_user(actor),
    )


def _schedule_attempt(notification_id: int, run_after: datetime | None = None) -> None:
    """Put an attempt on the task queue. Never raises: a lost enqueue is picked up by
    notification_dispatch_due, because the row itself stays queued."""
    from odopmart.notifications.tasks import notification_send

    try:
        task = notification_send
        if run_after is not None:
            if not task.get_backend().supports_defer:
                return  # this queue can't wait; the dispatcher picks it up when due
            task = task.using(run_after=run_after)
        task.enqueue(notification_id)
    except Exception:
        logger.exception("Could not queue notification %s; the dispatcher will", notification_id)


def notification_enqueue(
    *,
    channel: str,
    recipient: str,
    template: str,
    language: str,
    context: Mapping[str, Any],
    dedupe_key: str,
    secret_context: Mapping[str, str] | None = None,
    expires_at: datetime | None = None,
) -> Notification:
    """Write the message (in the caller's transaction) and send it after commit.

    `context` fills the template's placeholders and is stored; the template's secret fields go
    in `secret_context` and are stored sealed only. With a `dedupe_key` already in the outbox
    this returns the existing message and sends nothing.
    """
    message_template = template_get(template)
    if channel in (Channel.SMS, Channel.VOICE) and not E164.fullmatch(recipient):
        raise ValueError(f"{channel} recipients are E.164 phone numbers, not {recipient!r}")
    if message_template.channel != channel:
        raise TemplateError(f"template {template!r} is for {message_template.channel}")
    secrets_given = dict(secret_context or {})
    if set(secrets_given) != set(message_template.secret_fields):
        expected = sorted(message_template.secret_fields)
        raise TemplateError(f"template {template!r} takes the secret values {expected}")
    if message_template.secret_fields & set(context):
        raise TemplateError("secret values go in secret_context, not context")
    language = message_template.language_for(_language(language))
    masked = dict.fromkeys(message_template.secret_fields, SECRET_MASK)
    body = message_template.render(language, {**context, **masked})
    message_template.render(language, {**context, **secrets_given})  # fills completely
    now = timezone.now()
    with transaction.atomic():
        notification, created = Notification.objects.get_or_create(
            dedupe_key=dedupe_key,
            defaults={
                "channel": channel,
                "recipient": recipient,
                "language": language,
                "template": template,
                "body": body,
                "context": dict(context),
                "sealed_context": sealing.seal(secrets_given) if secrets_given else "",
                "dlt_template_id": message_template.dlt_template_id(language),
                "allowed_keys": message_template.keys,
                "status": S.QUEUED,
                "next_attempt_at": now,
                "expires_at": expires_at,
                "created_at": now,
            },
        )
        if not created:
            return notification
        NotificationEvent.objects.create(
            notification=notification, kind=EventKind.QUEUED, to_status=S.QUEUED, created_at=now
        )
    transaction.on_commit(functools.partial(_schedule_attempt, notification.pk), robust=True)
    return notification


def _outgoing(notification: Notification) -> OutgoingMessage:
    """The message as the provider gets it: secrets filled in, in memory only."""
    body = notification.body
    values = dict(notification.context)
    if notification.sealed_context:
        values.update(sealing.unseal(notification.sealed_context))
        body = template_get(notification.template).render(notification.language, values)
    return OutgoingMessage(
        notification_id=notification.pk,
        channel=notification.channel,
        recipient=notification.recipient,
        language=notification.language,
        template=notification.template,
        body=body,
        dlt_template_id=notification.dlt_template_id,
        dlt_entity_id=str(notification_setting("DLT_ENTITY_ID")),
        sender_id=str(notification_setting("SMS_SENDER_ID")),
        reference=f"notification-{notification.pk}-{notification.attempts}",
        values=values,
        allowed_keys=notification.allowed_keys,
    )


def _lock(notification_id: int) -> Notification | None:
    return Notification.objects.select_for_update().filter(pk=notification_id).first()


def notification_attempt(*, notification_id: int) -> Notification | None:
    """One send attempt, if the message is queued and due; otherwise nothing happens."""
    now = timezone.now()
    with transaction.atomic(durable=True):
        notification = _lock(notification_id)
        if notification is None:
            logger.warning("Notification %s no longer exists", notification_id)
            return None
        if notification.status != S.QUEUED or (
            notification.next_attempt_at is not None and notification.next_attempt_at > now
        ):
            return notification
        if notification.expires_at is not None and notification.expires_at <= now:
            notification.last_error = gettext("Expired before it could be sent.")
            _transition(
                notification, S.CANCELLED, kind=EventKind.CANCELLED,
                detail=notification.last_error, fields=["last_error"],
            )  # fmt: skip
            return notification
        provider = provider_for(notification.channel)
        notification.attempts += 1
        notification.last_attempt_at = now
        notification.provider = provider.name
        _transition(
            notification, S.SENDING, kind=EventKind.ATTEMPT,
            fields=["attempts", "last_attempt_at", "provider"],
        )  # fmt: skip
        attempt = notification.attempts
        try:
            message = _outgoing(notification)
        except (sealing.SealError, TemplateError) as error:
            notification.last_error = f"{type(error).__name__}: {error}"
            _transition(
                notification, S.FAILED, kind=EventKind.FAILED,
                detail=notification.last_error, fields=["last_error"],
            )  # fmt: skip
            return notification

    # The network call happens outside any transaction.
    outcome: ProviderResult | ProviderError
    try:
        outcome = provider.send(message)
    except ProviderError as error:
        outcome = error
    except Exception as error:
        logger.exception("Provider %s crashed sending notification %s", provider.name, message)
        outcome = ProviderError(f"{type(error).__name__}: {error}", retryable=True)
    return _attempt_record(notification_id=notification_id, attempt=attempt, outcome=outcome)


def _attempt_record(
    *, notification_id: int, attempt: int, outcome: ProviderResult | ProviderError
) -> Notification | None:
    now = timezone.now()
    with transaction.atomic(durable=True):
        notification = _lock(notification_id)
        if (
            notification is None
            or notification.status != S.SENDING
            or notification.attempts != attempt
        ):
            # Someone else moved the message on (the dispatcher took the attempt as lost).
            logger.warning("Outcome of notification %s try %s came late", notification_id, attempt)
            return notification
        if isinstance(outcome, ProviderResult):
            notification.provider_message_id = outcome.provider_message_id[:100]
            notification.sent_at = now
            notification.last_error = ""
            delivered = outcome.delivered
            _transition(
                notification,
                S.DELIVERED if delivered else S.SENT,
                kind=EventKind.DELIVERED if delivered else EventKind.SENT,
                detail=notification.provider_message_id,
                fields=["provider_message_id", "sent_at", "last_error"],
            )
            return notification
        notification.last_error = str(outcome)[:2000]
        next_at = now + retry_delay(attempt)
        out_of_time = notification.expires_at is not None and next_at >= notification.expires_at
        if (
            not outcome.retryable
            or attempt >= int(notification_setting("MAX_ATTEMPTS"))
            or out_of_time
        ):
            _transition(
                notification, S.FAILED, kind=EventKind.FAILED,
                detail=notification.last_error, fields=["last_error"],
            )  # fmt: skip
            logger.error("Notification %s failed: %s", notification_id, notification.last_error)
            return notification
        notification.next_attempt_at = next_at
        _transition(
            notification, S.QUEUED, kind=EventKind.RETRY,
            detail=notification.last_error, fields=["last_error", "next_attempt_at"],
        )  # fmt: skip
        transaction.on_commit(
            functools.partial(_schedule_attempt, notification.pk, next_at), robust=True
        )
        return notification


def _recover_interrupted(notification_id: int, started_before: datetime) -> None:
    """An attempt that never recorded an outcome (the worker died): count it as failed."""
    now = timezone.now()
    with transaction.atomic(durable=True):
        notification = _lock(notification_id)
        if (
            notification is None
            or notification.status != S.SENDING
            or notification.last_attempt_at is None
            or notification.last_attempt_at >= started_before
        ):
            return
        notification.last_error = gettext(
            "The attempt was interrupted before its outcome was known."
        )
        if notification.attempts >= int(notification_setting("MAX_ATTEMPTS")):
            _transition(
                notification, S.FAILED, kind=EventKind.FAILED,
                detail=notification.last_error, fields=["last_error"],
            )  # fmt: skip
            return
        notification.next_attempt_at = now
        _transition(
            notification, S.QUEUED, kind=EventKind.RETRY,
            detail=notification.last_error, fields=["last_error", "next_attempt_at"],
        )  # fmt: skip


def notification_dispatch_due(*, limit: int = 500) -> int:
    """Queue an attempt for every message whose (re)try is due; recover interrupted attempts.
    Returns how many attempts were queued. Safe to run at any time, from several machines."""
    now = timezone.now()
    started_before = now - timedelta(seconds=int(notification_setting("SENDING_TIMEOUT_SECONDS")))
    interrupted = Notification.objects.filter(
        status=S.SENDING, last_attempt_at__lt=started_before
    ).values_list("pk", flat=True)[:limit]
    for notification_id in list(interrupted):
        _recover_interrupted(notification_id, started_before)
    due = (
        Notification.objects.filter(status=S.QUEUED, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    due_ids = list(due)
    for notification_id in due_ids:
        _schedule_attempt(notification_id)
    return len(due_ids)


@transaction.atomic(durable=True)
def notification_resend(*, notification_id: int, actor: Actor) -> Notification:
    """Send a delivered, failed or cancelled message again, with a fresh set of attempts; also
    one still awaiting a delivery report that never came."""
    notification = Notification.objects.select_for_update().get(pk=notification_id)
    if notification.status not in (S.SENT, S.DELIVERED, S.FAILED, S.CANCELLED):
        raise NotificationError(
            "not_final",
            gettext("This message is still being sent (%(status)s).")
            % {"status": S(notification.status).label},
        )
    if template_get(notification.template).secret_fields and not notification.sealed_context:
        raise NotificationError(
            "secret_gone",
            gettext(
                "This message carried a one-time code that is no longer kept, so it can't be "
                "sent again. Ask the person to request a new code."
            ),
        )
    notification.attempts = 0
    notification.next_attempt_at = timezone.now()
    notification.last_error = ""
    _transition(
        notification, S.QUEUED, kind=EventKind.RESENT, actor=actor,
        fields=["attempts", "next_attempt_at", "last_error"],
    )  # fmt: skip
    transaction.on_commit(functools.partial(_schedule_attempt, notification.pk), robust=True)
    return notification


@transaction.atomic(durable=True)
def notification_cancel(*, notification_id: int, actor: Actor, reason: str = "") -> Notification:
    """Withdraw a message that has not been sent yet."""
    notification = Notification.objects.select_for_update().get(pk=notification_id)
    if notification.status != S.QUEUED:
        raise NotificationError(
            "not_queued",
            gettext("Only a queued message can be cancelled; this one is %(status)s.")
            % {"status": S(notification.status).label},
        )
    notification.last_error = reason
    _transition(
        notification, S.CANCELLED, kind=EventKind.CANCELLED, actor=actor, detail=reason,
        fields=["last_error"],
    )  # fmt: skip
    return notification


def delivery_report_apply(notification: Notification, *, delivered: bool, error: str = "") -> bool:
    """Record a delivery report on a locked row, inside the caller's transaction. Only a message
    awaiting its report changes; returns whether it did (repeats and late reports do not)."""
    if notification.status != S.SENT:
        return False
    if delivered:
        _transition(notification, S.DELIVERED, kind=EventKind.DELIVERED, detail=error)
    else:
        notification.last_error = error
        _transition(
            notification, S.FAILED, kind=EventKind.FAILED, detail=error, fields=["last_error"]
        )
    return True


@transaction.atomic(durable=True)
def notification_delivery_report(
    *, provider: str, provider_message_id: str, delivered: bool, error: str = ""
) -> Notification | None:
    """Record a provider's delivery report for a message it accepted. Repeats are ignored."""
    notification = (
        Notification.objects.select_for_update()
        .filter(provider=provider, provider_message_id=provider_message_id)
        .first()
    )
    if notification is not None:
        delivery_report_apply(notification, delivered=delivered, error=error)
    return notification
