"""The artisan's keypress on the readiness call, handed over by the notifications IVR registry."""

from __future__ import annotations

import re

from django.utils import translation
from django.utils.translation import gettext

from odopmart.fulfilment import messaging
from odopmart.fulfilment.exceptions import FulfilmentError
from odopmart.fulfilment.models import ReadinessRequest
from odopmart.fulfilment.states import Answer, AnswerChannel
from odopmart.notifications.models import Notification

CALL_KEY = re.compile(r"readiness:(\d+):call:\d+")


def request_for_call(notification: Notification) -> int | None:
    match = CALL_KEY.fullmatch(notification.dedupe_key)
    return int(match.group(1)) if match else None


def ivr_answer(notification: Notification, key: str) -> str | None:
    """Record 1/2/3 as the artisan's answer; say what happens next in their language."""
    from odopmart.fulfilment.services import readiness_answer, readiness_key_ignored

    request_id = request_for_call(notification)
    if request_id is None or not ReadinessRequest.objects.filter(pk=request_id).exists():
        return None
    if key not in {"1", "2", "3"}:
        readiness_key_ignored(request_id, key)
        return None
    language = notification.language or "hi"
    with translation.override(language):
        try:
            request = readiness_answer(request_id, int(key), channel=AnswerChannel.IVR)
        except FulfilmentError as error:
            return str(error)
        date = messaging.date_text(request.ready_by, language)
        if int(key) == Answer.READY:
            return gettext(
                "Thank you. Please keep it ready by %(date)s. We will tell you when the courier "
                "comes."
            ) % {"date": date}
        if int(key) == Answer.MORE_DAYS:
            return gettext("Thank you. The new date is %(date)s. We have told the buyer.") % {
                "date": date
            }
        return gettext("Thank you. Our helpline will call you soon.")
