"""Voice calls that ask a question: what the caller hears, and what a keypress does.

A voice template lists its allowed keys (``MessageTemplate.keys``, e.g. "123"); the message text
says what each means. When the listener presses a key the provider calls our webhook, and
:func:`ivr_keypress` records it on the notification (``response_key``, an event and the stored
callback) and hands an allowed key to the handler registered for the template:

    ivr_register_handler("artisan_order_call", on_artisan_answer)

    def on_artisan_answer(notification: Notification, key: str) -> str | None:
        ...  # e.g. look up the items by notification.dedupe_key or context, record the answer
        return "Thank you. ..."  # optional: what the caller hears next, in their language

The handler runs inside the transaction that records the key (in a savepoint), at most once
per call and key; if it raises, the key stays recorded, the callback is marked
"handler_failed" with the error and the caller hears the usual thanks. Keys that are not allowed
are recorded and the question is asked again; a call we do not know is recorded, never an error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

from odopmart.notifications.callbacks import callback_seen, callback_store
from odopmart.notifications.models import Notification, NotificationCallback, NotificationEvent
from odopmart.notifications.services import _transition
from odopmart.notifications.states import (
    CallbackKind,
    CallbackOutcome,
    Channel,
    EventKind,
    NotificationStatus,
)

logger = logging.getLogger("odopmart.notifications")
Outcome = CallbackOutcome

IvrHandler = Callable[[Notification, str], "str | None"]
_HANDLERS: dict[str, IvrHandler] = {}

# After this many keys that are not among the choices, the call says goodbye.
MAX_INVALID_KEYS = 3


def ivr_register_handler(template: str, handler: IvrHandler) -> IvrHandler:
    """Call `handler(notification, key)` when a listener presses an allowed key on a call made
    from `template`. Register from your AppConfig.ready(); a later registration replaces."""
    _HANDLERS[template] = handler
    return handler


def ivr_unregister_handler(template: str) -> None:
    _HANDLERS.pop(template, None)


def clean_digits(raw: str) -> str:
    # Exotel's Passthru sends the digits wrapped in double quotes ("1").
    return raw.strip().strip('"').strip()


def spoken(language: str, text: str) -> str:
    with translation.override(language or "en"):
        return gettext(text)


THANKS = gettext_noop("Thank you. Your answer has been recorded.")
NOT_A_CHOICE = gettext_noop("Sorry, that key is not one of the choices.")
GOODBYE = gettext_noop("We did not get an answer. We will contact you again. Goodbye.")


def thanks_text(language: str) -> str:
    return spoken(language, THANKS)


def invalid_text(language: str) -> str:
    return spoken(language, NOT_A_CHOICE)


def goodbye_text(language: str) -> str:
    return spoken(language, GOODBYE)


@dataclass(frozen=True)
class KeypressResult:
    outcome: str
    notification: Notification | None
    # What the caller hears next; `ask_again` when the question should be repeated.
    reply: str
    ask_again: bool
    callback: NotificationCallback


def _find_call(
    providers: tuple[str, ...], call_id: str, notification_id: int | None
) -> Notification | None:
    """The call by the provider's call id; or by our id (passed back by the provider) while the
    call id is not recorded yet (the answer came before the send attempt finished)."""
    lookup = Q(provider__in=providers, provider_message_id=call_id) if call_id else Q(pk=None)
    if notification_id is not None:
        lookup |= Q(pk=notification_id, channel=Channel.VOICE) & (
            Q(provider_message_id="") | Q(provider_message_id=call_id)
        )
    return Notification.objects.select_for_update().filter(lookup).order_by("pk").first()


def ivr_prompt(
    *, provider: str, call_id: str, notification_id: int | None, payload: Mapping[str, Any],
    providers: tuple[str, ...] | None = None,
) -> Notification | None:  # fmt: skip
    """The provider asks what to say on a call: the notification, or None (recorded)."""
    with transaction.atomic():
        notification = _find_call(providers or (provider,), call_id, notification_id)
        callback_store(
            provider=provider, kind=CallbackKind.PROMPT, external_id=call_id[:100],
            notification=notification, signature_valid=True, payload=payload,
            outcome=Outcome.APPLIED if notification is not None else Outcome.UNKNOWN,
        )  # fmt: skip
    return notification


def ivr_keypress(
    *,
    provider: str,
    call_id: str,
    digits: str,
    payload: Mapping[str, Any],
    notification_id: int | None = None,
    providers: tuple[str, ...] | None = None,
) -> KeypressResult:
    """Record a key pressed on a call and dispatch it; see the module docstring."""
    digits = clean_digits(digits)[:12]
    names = providers or (provider,)
    common = {
        "provider": provider, "kind": CallbackKind.KEYPRESS, "external_id": call_id[:100],
        "digits": digits, "signature_valid": True, "payload": payload,
    }  # fmt: skip
    event_key = f"keypress:{call_id}:{digits}"[:200]
    try:
        with transaction.atomic():
            notification = _find_call(names, call_id, notification_id)
            if notification is None:
                callback = callback_store(**common, outcome=Outcome.UNKNOWN)
                return KeypressResult(Outcome.UNKNOWN, None, "", False, callback)
            language = notification.language
            if len(digits) != 1 or digits not in notification.allowed_keys:
                return _invalid(notification, digits, common)
            if callback_seen(provider, event_key):
                callback = callback_store(
                    **common, notification=notification, outcome=Outcome.DUPLICATE
                )
                reply = thanks_text(language)
                return KeypressResult(Outcome.DUPLICATE, notification, reply, False, callback)
            return _accept(notification, digits, common, event_key)
    except IntegrityError:
        callback = callback_store(**common, outcome=Outcome.DUPLICATE)
        return KeypressResult(Outcome.DUPLICATE, None, "", False, callback)


def _invalid(notification: Notification, digits: str, common: dict[str, Any]) -> KeypressResult:
    callback = callback_store(**common, notification=notification, outcome=Outcome.INVALID_KEY)
    _event(notification, gettext("Pressed “%(key)s”: not one of the choices.") % {"key": digits})
    invalid_so_far = NotificationCallback.objects.filter(
        provider=common["provider"], external_id=common["external_id"], outcome=Outcome.INVALID_KEY
    ).count()
    language = notification.language
    if invalid_so_far >= MAX_INVALID_KEYS:
        reply, ask_again = goodbye_text(language), False
    else:
        reply, ask_again = invalid_text(language), True
    return KeypressResult(Outcome.INVALID_KEY, notification, reply, ask_again, callback)


def _event(notification: Notification, detail: str) -> None:
    NotificationEvent.objects.create(
        notification=notification, kind=EventKind.KEYPRESS, from_status=notification.status,
        to_status=notification.status, attempt=notification.attempts,
        provider=notification.provider, detail=detail,
    )  # fmt: skip


def _accept(
    notification: Notification, digits: str, common: dict[str, Any], event_key: str
) -> KeypressResult:
    notification.response_key = digits
    notification.responded_at = timezone.now()
    notification.save(update_fields=["response_key", "responded_at"])
    if notification.status == NotificationStatus.SENT:
        # Someone answered the call and pressed a key: it reached them.
        _transition(
            notification, NotificationStatus.DELIVERED, kind=EventKind.DELIVERED,
            detail=gettext("Answered with a key."),
        )  # fmt: skip
    _event(notification, gettext("Pressed “%(key)s”.") % {"key": digits})
    outcome, detail, reply = Outcome.APPLIED, "", ""
    handler = _HANDLERS.get(notification.template)
    if handler is not None:
        try:
            with transaction.atomic():
                reply = handler(notification, digits) or ""
        except Exception as error:
            logger.exception("IVR handler for %s failed", notification.template)
            outcome, detail = Outcome.HANDLER_FAILED, f"{type(error).__name__}: {error}"[:2000]
            _event(notification, gettext("Handling the answer failed: %(error)s") % {
                "error": detail})  # fmt: skip
    callback = callback_store(
        **common, notification=notification, outcome=outcome, event_key=event_key, detail=detail
    )
    return KeypressResult(
        outcome, notification, reply or thanks_text(notification.language), False, callback
    )
