"""Provider callbacks: delivery reports, call statuses, call prompts and keypresses.

Thin views: check the signature or token, read the provider's fields, call the services in
callbacks.py and ivr.py. A forged request gets 403 and is stored; anything unreadable gets 400
and is stored; unknown messages and calls are stored and answered 200 so the provider stops
retrying. Nothing here raises a 500 on bad input.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from odopmart.notifications import ivr, twiml
from odopmart.notifications.callbacks import callback_refused, callback_report
from odopmart.notifications.providers.http import callback_url
from odopmart.notifications.signatures import token_valid, twilio_request_valid
from odopmart.notifications.states import CallbackKind, CallbackOutcome

logger = logging.getLogger("odopmart.notifications")
K = CallbackKind

TWILIO_PROVIDERS = ("twilio-sms", "twilio-voice")

# Final statuses per provider: True delivered (answered), False failed; others are on the way.
MSG91_DELIVERED = frozenset({"DELIVERED", "1"})
MSG91_FAILED = frozenset({
    "FAILED", "2", "REJECTED", "UNDELIVERED", "NDNC", "BLOCKED", "EXPIRED", "DND",
    "REJECTED BY OPERATOR", "9", "16", "17", "25",
})  # fmt: skip
CALL_FAILED = frozenset({"failed", "busy", "no-answer", "canceled", "cancelled"})
TWILIO_MESSAGE_DELIVERED = frozenset({"delivered", "read"})
TWILIO_MESSAGE_FAILED = frozenset({"failed", "undelivered"})


def _request_payload(request: HttpRequest) -> dict[str, Any]:
    """The fields of a request, for the record, whatever its shape."""
    data: dict[str, Any] = {name: request.GET.getlist(name) for name in request.GET}
    if request.method == "POST":
        if request.content_type == "application/json":
            try:
                body = json.loads(request.body or b"null")
            except ValueError:
                body = {"_raw": request.body[:2000].decode(errors="replace")}
            data.update(body if isinstance(body, dict) else {"_json": body})
        else:
            data.update({name: request.POST.getlist(name) for name in request.POST})
    return data


def _never_500(kind: str, provider: str) -> Callable[[Callable[..., HttpResponse]], Any]:
    """A callback we can't read is stored and answered 400, not turned into a server error."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                return view(request, *args, **kwargs)
            except (ValueError, KeyError, TypeError) as error:
                logger.warning("Unreadable %s %s callback: %s", provider, kind, error)
                callback_refused(
                    provider=provider, kind=kind, payload=_request_payload(request),
                    outcome=CallbackOutcome.MALFORMED, detail=f"{type(error).__name__}: {error}",
                )  # fmt: skip
                return HttpResponse("unreadable", status=400, content_type="text/plain")

        return csrf_exempt(wrapped)

    return decorate


def _forbidden(provider: str, kind: str, request: HttpRequest) -> HttpResponse:
    callback_refused(provider=provider, kind=kind, payload=_request_payload(request))
    return HttpResponse("forbidden", status=403, content_type="text/plain")


def _int_or_none(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() else None


# --- MSG91 ---------------------------------------------------------------------------------


def _msg91_reports(request: HttpRequest) -> list[Mapping[str, Any]]:
    """MSG91 webhook v3 (JSON, one report) or v2 (form field `data`: a JSON list of requests,
    each with its `report` list)."""
    if request.content_type == "application/json":
        body = json.loads(request.body)
        items = body if isinstance(body, list) else [body]
        return [item for item in items if isinstance(item, dict)]
    requests = json.loads(request.POST["data"])
    reports = []
    for item in requests if isinstance(requests, list) else [requests]:
        for report in item.get("report", []):
            reports.append({**report, "requestId": item.get("requestId", "")})
    return reports


@_never_500(K.REPORT, "msg91")
@require_POST
def msg91_report(request: HttpRequest, token: str) -> HttpResponse:
    if not token_valid(token):
        return _forbidden("msg91", K.REPORT, request)
    reports = _msg91_reports(request)
    if not reports:
        raise ValueError("no delivery report in the request")
    for report in reports:
        status = str(report.get("desc") or report.get("status") or "").strip()
        code = str(report.get("status", "")).strip()
        word = status.upper()
        delivered: bool | None = None
        if word in MSG91_DELIVERED or (not status and code in MSG91_DELIVERED):
            delivered = True
        elif word in MSG91_FAILED or code in MSG91_FAILED - {"1"}:
            delivered = False
        callback_report(
            provider="msg91", kind=K.REPORT, external_id=str(report.get("requestId", "")),
            status=status or code, delivered=delivered,
            error="" if delivered else str(report.get("failedReason") or status),
            payload=report,
        )  # fmt: skip
    return JsonResponse({"received": len(reports)})


# --- Exotel --------------------------------------------------------------------------------


@_never_500(K.CALL_STATUS, "exotel")
@require_POST
def exotel_status(request: HttpRequest, token: str) -> HttpResponse:
    if not token_valid(token):
        return _forbidden("exotel", K.CALL_STATUS, request)
    call_id = request.POST["CallSid"]
    status = request.POST.get("Status", "").strip().lower()
    delivered = True if status == "completed" else False if status in CALL_FAILED else None
    callback_report(
        provider="exotel", kind=K.CALL_STATUS, external_id=call_id, status=status,
        delivered=delivered, error="" if delivered else status,
        payload=_request_payload(request),
    )  # fmt: skip
    return HttpResponse("ok", content_type="text/plain")


@_never_500(K.PROMPT, "exotel")
@require_GET
def exotel_prompt(request: HttpRequest, token: str) -> HttpResponse:
    """The flow's Greeting applet fetches the words of the call as plain text."""
    if not token_valid(token):
        return _forbidden("exotel", K.PROMPT, request)
    notification = ivr.ivr_prompt(
        provider="exotel", call_id=request.GET.get("CallSid", ""),
        notification_id=_int_or_none(request.GET.get("CustomField")),
        payload=_request_payload(request),
    )  # fmt: skip
    if notification is None:
        return HttpResponse("unknown call", status=404, content_type="text/plain")
    return HttpResponse(notification.body, content_type="text/plain; charset=utf-8")


@_never_500(K.KEYPRESS, "exotel")
@require_GET
def exotel_keypress(request: HttpRequest, token: str) -> HttpResponse:
    """The Passthru applet after the Gather: 200 takes the flow's "success" branch (thanks,
    hang up), 302 the other one (route it back to the Gather to ask again)."""
    if not token_valid(token):
        return _forbidden("exotel", K.KEYPRESS, request)
    result = ivr.ivr_keypress(
        provider="exotel", call_id=request.GET.get("CallSid", ""),
        digits=request.GET.get("digits", ""),
        notification_id=_int_or_none(request.GET.get("CustomField")),
        payload=_request_payload(request),
    )  # fmt: skip
    return HttpResponse(
        result.reply or "ok", status=302 if result.ask_again else 200,
        content_type="text/plain; charset=utf-8",
    )  # fmt: skip


# --- Twilio --------------------------------------------------------------------------------


def _twiml(body: str) -> HttpResponse:
    return HttpResponse(body, content_type="text/xml; charset=utf-8")


@_never_500(K.CALL_STATUS, "twilio")
@require_POST
def twilio_status(request: HttpRequest) -> HttpResponse:
    if not twilio_request_valid(request):
        return _forbidden("twilio", K.CALL_STATUS, request)
    payload = _request_payload(request)
    if request.POST.get("MessageSid"):
        status = request.POST.get("MessageStatus", "").lower()
        delivered = (
            True if status in TWILIO_MESSAGE_DELIVERED
            else False if status in TWILIO_MESSAGE_FAILED else None
        )  # fmt: skip
        error = f"{status} {request.POST.get('ErrorCode', '')}".strip()
        callback_report(
            provider="twilio", kind=K.REPORT, external_id=request.POST["MessageSid"],
            status=status, delivered=delivered, error="" if delivered else error,
            payload=payload, notification_providers=TWILIO_PROVIDERS,
        )  # fmt: skip
    else:
        status = request.POST.get("CallStatus", "").lower()
        delivered = True if status == "completed" else False if status in CALL_FAILED else None
        callback_report(
            provider="twilio", kind=K.CALL_STATUS, external_id=request.POST["CallSid"],
            status=status, delivered=delivered, error="" if delivered else status,
            payload=payload, notification_providers=TWILIO_PROVIDERS,
        )  # fmt: skip
    return HttpResponse(status=204)


@_never_500(K.PROMPT, "twilio")
@require_POST
def twilio_prompt(request: HttpRequest, notification_id: int) -> HttpResponse:
    """TwiML for a call: what Twilio fetches when the person picks up."""
    if not twilio_request_valid(request):
        return _forbidden("twilio", K.PROMPT, request)
    notification = ivr.ivr_prompt(
        provider="twilio", call_id=request.POST.get("CallSid", ""),
        notification_id=notification_id, payload=_request_payload(request),
        providers=TWILIO_PROVIDERS,
    )  # fmt: skip
    if notification is None:
        return _twiml(twiml.twiml_hangup())
    language = notification.language
    if not notification.allowed_keys:
        return _twiml(twiml.twiml_say(notification.body, language))
    action = callback_url("twilio_keypress", notification_id=notification.pk)
    return _twiml(
        twiml.twiml_question(notification.body, language, action, ivr.goodbye_text(language))
    )


@_never_500(K.KEYPRESS, "twilio")
@require_POST
def twilio_keypress(request: HttpRequest, notification_id: int) -> HttpResponse:
    if not twilio_request_valid(request):
        return _forbidden("twilio", K.KEYPRESS, request)
    result = ivr.ivr_keypress(
        provider="twilio", call_id=request.POST.get("CallSid", ""),
        digits=request.POST.get("Digits", ""), notification_id=notification_id,
        payload=_request_payload(request), providers=TWILIO_PROVIDERS,
    )  # fmt: skip
    notification = result.notification
    if notification is None:
        return _twiml(twiml.twiml_hangup())
    language = notification.language
    if result.ask_again:
        action = callback_url("twilio_keypress", notification_id=notification.pk)
        return _twiml(
            twiml.twiml_reask(
                result.reply, notification.body, language, action, ivr.goodbye_text(language)
            )
        )
    return _twiml(twiml.twiml_say(result.reply, language))
