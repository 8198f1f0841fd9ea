"""Tracking webhooks: valid, forged, replayed, unknown AWB, unreadable; all recorded."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.test import Client

from odopmart.logistics.models import Shipment, TrackingWebhook
from odopmart.logistics.states import ShipmentStatus as S
from odopmart.logistics.states import WebhookOutcome

pytestmark = pytest.mark.django_db
TOKEN = "sr-hook-secret-123"
URL = "/webhooks/logistics/sr/"


@pytest.fixture
def shiprocket_shipment(booked: Shipment, settings: Any) -> Shipment:
    settings.LOGISTICS = {"PROVIDER": "manual", "SHIPROCKET_WEBHOOK_TOKEN": TOKEN}
    Shipment.objects.filter(pk=booked.pk).update(provider="shiprocket", awb="19041234567890")
    booked.refresh_from_db()
    return booked


def _payload(status_id: int, label: str, when: str, awb: str = "19041234567890") -> bytes:
    return json.dumps(
        {
            "awb": awb,
            "current_status": label,
            "order_id": "X",
            "current_timestamp": when,
            "current_status_id": status_id,
            "shipment_status": label,
            "shipment_status_id": status_id,
            "scans": [{"date": when, "activity": label, "location": "Lucknow_Hub"}],
        }
    ).encode()


def _post(client: Client, body: bytes, token: str | None = TOKEN) -> Any:
    headers = {"x-api-key": token} if token is not None else {}
    return client.post(URL, body, content_type="application/json", headers=headers)


def test_valid_webhook_moves_the_shipment(client: Client, shiprocket_shipment: Shipment) -> None:
    response = _post(client, _payload(42, "PICKED UP", "2026-11-20 11:00:00"))
    assert response.status_code == 200
    shiprocket_shipment.refresh_from_db()
    assert shiprocket_shipment.status == S.PICKED_UP
    hook = TrackingWebhook.objects.get()
    assert hook.outcome == WebhookOutcome.APPLIED
    assert hook.signature_valid
    assert hook.shipment == shiprocket_shipment
    assert "x-api-key" not in {key.lower() for key in hook.headers}
    event = shiprocket_shipment.events.get(to_status=S.PICKED_UP)
    assert event.location == "Lucknow_Hub"
    assert event.provider_code == "42"


@pytest.mark.parametrize("token", [None, "", "wrong", TOKEN + "x"])
def test_forged_is_refused_and_recorded(
    client: Client, shiprocket_shipment: Shipment, token: str | None
) -> None:
    response = _post(client, _payload(7, "DELIVERED", "2026-11-21 10:00:00"), token=token)
    assert response.status_code == 403
    shiprocket_shipment.refresh_from_db()
    assert shiprocket_shipment.status == S.PICKUP_SCHEDULED
    hook = TrackingWebhook.objects.get()
    assert (hook.outcome, hook.signature_valid, hook.flagged) == (
        WebhookOutcome.FORGED,
        False,
        True,
    )


def test_replayed_is_a_no_op(client: Client, shiprocket_shipment: Shipment) -> None:
    body = _payload(18, "IN TRANSIT", "2026-11-20 15:00:00")
    assert _post(client, body).status_code == 200
    events = shiprocket_shipment.events.count()
    assert _post(client, body).status_code == 200
    assert shiprocket_shipment.events.count() == events
    outcomes = list(TrackingWebhook.objects.order_by("pk").values_list("outcome", flat=True))
    assert outcomes == [WebhookOutcome.APPLIED, WebhookOutcome.DUPLICATE]


def test_out_of_order_webhook_recorded_not_applied(
    client: Client, shiprocket_shipment: Shipment
) -> None:
    _post(client, _payload(18, "IN TRANSIT", "2026-11-20 15:00:00"))
    _post(client, _payload(42, "PICKED UP", "2026-11-20 11:00:00"))
    shiprocket_shipment.refresh_from_db()
    assert shiprocket_shipment.status == S.IN_TRANSIT
    assert TrackingWebhook.objects.order_by("-pk").first().outcome == WebhookOutcome.IGNORED


def test_unknown_awb_is_recorded_and_flagged(client: Client, shiprocket_shipment: Shipment) -> None:
    response = _post(client, _payload(7, "DELIVERED", "2026-11-21 10:00:00", awb="999"))
    assert response.status_code == 202
    hook = TrackingWebhook.objects.get()
    assert (hook.outcome, hook.flagged, hook.awb) == (WebhookOutcome.UNKNOWN_AWB, True, "999")


def test_unreadable_body_and_get(client: Client, shiprocket_shipment: Shipment) -> None:
    assert _post(client, b"{not json").status_code == 400
    assert TrackingWebhook.objects.get().outcome == WebhookOutcome.INVALID
    assert client.get(URL).status_code == 405


def test_no_token_configured_refuses_everything(client: Client, booked: Shipment) -> None:
    assert (
        _post(client, _payload(7, "DELIVERED", "2026-11-21 10:00:00"), token="").status_code == 403
    )
