"""Tracking webhooks: every call recorded; the token is checked in constant time; the answer
tells the provider whether to send again (403 forged, 400 unreadable, 202 unknown AWB)."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from odopmart.logistics.services import tracking_webhook_receive
from odopmart.logistics.states import WebhookOutcome

STATUS_FOR_OUTCOME = {
    WebhookOutcome.FORGED: 403,
    WebhookOutcome.INVALID: 400,
    WebhookOutcome.UNKNOWN_AWB: 202,
}


@csrf_exempt
@require_POST
def tracking_webhook(request: HttpRequest, provider: str) -> JsonResponse:
    webhook = tracking_webhook_receive(provider, request.headers, request.body)
    return JsonResponse(
        {"outcome": webhook.outcome, "id": webhook.pk},
        status=STATUS_FOR_OUTCOME.get(webhook.outcome, 200),
    )
