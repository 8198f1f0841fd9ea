"""Shiprocket and Delhivery adapters against their documented request/response shapes (respx):
booking, errors (4xx permanent; 5xx and timeouts retried with back-off), tracking."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
import respx
from django.core.cache import cache

from odopmart.logistics.models import Shipment
from odopmart.logistics.providers.delhivery import DelhiveryProvider
from odopmart.logistics.providers.shiprocket import ShiprocketProvider
from odopmart.logistics.services import (
    shipment_book_attempt,
    shipment_book_for_ready_items,
    shipments_poll_due,
)
from odopmart.logistics.states import BookingState
from odopmart.logistics.states import ShipmentStatus as S

pytestmark = pytest.mark.django_db
SR = "https://apiv2.shiprocket.in/v1/external"
DL = "https://staging-express.delhivery.com"
PDF = b"%PDF-1.4 courier label"


@pytest.fixture
def shiprocket(settings: Any) -> None:
    cache.clear()
    settings.LOGISTICS = {
        "PROVIDER": "shiprocket", "SHIPROCKET_EMAIL": "api@odop.example",
        "SHIPROCKET_PASSWORD": "pw", "RETRY_BASE_SECONDS": 60,
    }  # fmt: skip


@pytest.fixture
def delhivery(settings: Any) -> None:
    settings.LOGISTICS = {"PROVIDER": "delhivery", "DELHIVERY_API_TOKEN": "dl-token"}


def _new_shipment(order: Any) -> Shipment:
    seller_order = order.seller_orders.get()
    return shipment_book_for_ready_items(seller_order, seller_order.items.first().artisan)


def _shiprocket_routes(mock: respx.MockRouter) -> dict[str, Any]:
    return {
        "login": mock.post(f"{SR}/auth/login").respond(200, json={"token": "jwt-1", "id": 1}),
        "pickup_location": mock.post(f"{SR}/settings/company/addpickup").respond(
            200, json={"success": True, "address": {"pickup_code": "odop-a1"}, "pickup_id": 77}
        ),
        "create": mock.post(f"{SR}/orders/create/adhoc").respond(
            200, json={"order_id": 5001, "shipment_id": 6001, "status": "NEW", "status_code": 1}
        ),
        "awb": mock.post(f"{SR}/courier/assign/awb").respond(
            200,
            json={
                "awb_assign_status": 1,
                "response": {
                    "data": {
                        "awb_code": "19041234567890",
                        "courier_company_id": 51,
                        "courier_name": "Xpressbees Surface",
                        "shipment_id": 6001,
                    }
                },
            },
        ),  # fmt: skip
        "pickup": mock.post(f"{SR}/courier/generate/pickup").respond(
            200,
            json={
                "pickup_status": 1,
                "response": {
                    "pickup_scheduled_date": "2026-11-25 11:00:00",
                    "pickup_token_number": "T-9",
                    "status": 3,
                },
            },
        ),  # fmt: skip
        "label": mock.post(f"{SR}/courier/generate/label").respond(
            200,
            json={
                "label_created": 1,
                "label_url": "https://cdn.example/l.pdf",
                "response": "Label has been created",
                "not_created": [],
            },
        ),  # fmt: skip
        "label_pdf": mock.get("https://cdn.example/l.pdf").respond(200, content=PDF),
    }


def test_shiprocket_booking(order: Any, shiprocket: None) -> None:
    shipment = _new_shipment(order)
    with respx.mock(assert_all_called=True) as mock:
        routes = _shiprocket_routes(mock)
        shipment_book_attempt(shipment_id=shipment.pk)
    shipment.refresh_from_db()
    assert shipment.booking_state == BookingState.DONE
    assert (shipment.awb, shipment.courier_name) == ("19041234567890", "Xpressbees Surface")
    assert (shipment.provider_order_id, shipment.provider_shipment_id) == ("5001", "6001")
    assert shipment.status == S.PICKUP_SCHEDULED
    assert shipment.label_file.read() == PDF
    created = json.loads(routes["create"].calls.last.request.content)
    assert created["order_id"] == shipment.reference
    assert created["pickup_location"] == shipment.pickup_location_name
    assert created["payment_method"] == "Prepaid"
    assert created["weight"] == 0.9
    assert created["order_items"][0]["units"] == 2
    assert created["billing_phone"] == "9876543210"
    assert routes["create"].calls.last.request.headers["Authorization"] == "Bearer jwt-1"
    assert json.loads(routes["pickup"].calls.last.request.content) == {"shipment_id": [6001]}


@pytest.mark.parametrize(
    "failure",
    [httpx.Response(500, json={"message": "Internal"}), httpx.ConnectTimeout("slow")],
    ids=["500", "timeout"],
)
def test_shiprocket_outage_is_retried_with_back_off(
    order: Any, shiprocket: None, failure: Any
) -> None:
    shipment = _new_shipment(order)
    with respx.mock(assert_all_called=False) as mock:
        routes = _shiprocket_routes(mock)
        if isinstance(failure, Exception):
            routes["awb"].side_effect = failure
        else:
            routes["awb"].return_value = failure
        shipment_book_attempt(shipment_id=shipment.pk)
        shipment.refresh_from_db()
        assert shipment.booking_state == BookingState.PENDING
        assert shipment.booking_attempts == 1
        assert shipment.provider_shipment_id == "6001"  # kept: the retry won't create it again
        assert shipment.next_attempt_at is not None
        assert shipment.last_error
        # Due again: the retry assigns the AWB without creating a second order.
        Shipment.objects.filter(pk=shipment.pk).update(next_attempt_at=shipment.created_at)
        routes["awb"].side_effect = None
        routes["awb"].return_value = httpx.Response(
            200, json={"awb_assign_status": 1, "response": {"data": {
                "awb_code": "19041234567890", "courier_name": "Xpressbees"}}},
        )  # fmt: skip
        shipment_book_attempt(shipment_id=shipment.pk)
        assert routes["create"].call_count == 1
    shipment.refresh_from_db()
    assert shipment.booking_state == BookingState.DONE
    assert shipment.booking_attempts == 2


def test_shiprocket_4xx_is_permanent_and_flagged(order: Any, shiprocket: None) -> None:
    shipment = _new_shipment(order)
    with respx.mock(assert_all_called=False) as mock:
        routes = _shiprocket_routes(mock)
        routes["create"].return_value = httpx.Response(
            422, json={"message": "Oops! Invalid Data.", "errors": {"billing_pincode": ["bad"]}}
        )
        shipment_book_attempt(shipment_id=shipment.pk)
    shipment.refresh_from_db()
    assert shipment.booking_state == BookingState.FAILED
    assert shipment.needs_attention
    assert "422" in shipment.last_error
    assert shipment.events.filter(kind="error").exists()


def test_shiprocket_out_of_attempts_fails_for_a_person(
    order: Any, shiprocket: None, settings: Any
) -> None:
    settings.LOGISTICS = {**settings.LOGISTICS, "BOOKING_MAX_ATTEMPTS": 2}
    shipment = _new_shipment(order)
    with respx.mock(assert_all_called=False) as mock:
        _shiprocket_routes(mock)
        mock.post(f"{SR}/settings/company/addpickup").respond(503)
        for _attempt in range(2):
            Shipment.objects.filter(pk=shipment.pk).update(next_attempt_at=shipment.created_at)
            shipment_book_attempt(shipment_id=shipment.pk)
    shipment.refresh_from_db()
    assert (shipment.booking_state, shipment.needs_attention) == (BookingState.FAILED, True)


def test_shiprocket_expired_token_logs_in_again(shiprocket: None) -> None:
    cache.set("logistics:shiprocket:token", "old-token")
    with respx.mock(assert_all_called=False) as mock:
        login = mock.post(f"{SR}/auth/login").respond(200, json={"token": "new-token"})
        route = mock.get(f"{SR}/courier/serviceability/")
        route.side_effect = [
            httpx.Response(401, json={"message": "Token has expired"}),
            httpx.Response(200, json={"status": 200, "data": {"available_courier_companies": [
                {"courier_company_id": 51, "courier_name": "Xpressbees", "rate": 85.5,
                 "etd": "Nov 28, 2026", "cod": 1}]}}),
        ]  # fmt: skip
        result = ShiprocketProvider().serviceability("226003", "110001", 900, cod=True)
    assert login.call_count == 1
    assert route.calls.last.request.headers["Authorization"] == "Bearer new-token"
    assert route.calls.last.request.url.params["weight"] == "0.900"
    assert result.serviceable
    assert result.couriers[0]["rate_paise"] == 8550


def test_shiprocket_not_serviceable(shiprocket: None) -> None:
    with respx.mock(assert_all_called=False) as mock:
        mock.post(f"{SR}/auth/login").respond(200, json={"token": "t"})
        mock.get(f"{SR}/courier/serviceability/").respond(
            404, json={"status": 404, "message": "Delivery postcode not serviceable"}
        )
        assert not ShiprocketProvider().serviceability("226003", "999999", 500, False).serviceable


def test_shiprocket_tracking_shape(shiprocket: None) -> None:
    with respx.mock(assert_all_called=False) as mock:
        mock.post(f"{SR}/auth/login").respond(200, json={"token": "t"})
        mock.get(f"{SR}/courier/track/awb/1904").respond(200, json={"tracking_data": {
            "track_status": 1, "shipment_status": 17,
            "shipment_track_activities": [
                {"date": "2026-11-26 08:10:00", "status": "OFD", "activity": "Out for delivery",
                 "location": "Delhi_Hub", "sr-status": "17", "sr-status-label": "OUT FOR DELIVERY"},
                {"date": "2026-11-25 13:00:00", "status": "PKD", "activity": "Picked up",
                 "location": "Lucknow", "sr-status": "42", "sr-status-label": "PICKED UP"},
            ]}})  # fmt: skip
        events = ShiprocketProvider().track("1904")
    assert [event.status for event in events] == [S.OUT_FOR_DELIVERY, S.PICKED_UP]
    assert events[0].event_time.utcoffset().total_seconds() == 19800  # India time


def _delhivery_routes(mock: respx.MockRouter) -> dict[str, Any]:
    return {
        "warehouse": mock.post(f"{DL}/api/backend/clientwarehouse/create/").respond(
            201, json={"success": True, "data": {"name": "odop-a1"}}
        ),
        "create": mock.post(f"{DL}/api/cmu/create.json").respond(
            200,
            json={
                "success": True,
                "package_count": 1,
                "packages": [
                    {"status": "Success", "waybill": "2211000011", "refnum": "R", "remarks": []}
                ],
            },
        ),  # fmt: skip
        "pickup": mock.post(f"{DL}/fm/request/new/").respond(
            201, json={"pickup_id": 9911, "pickup_date": "2026-11-25", "pickup_time": "10:00:00"}
        ),
        "slip": mock.get(f"{DL}/api/p/packing_slip").respond(
            200,
            json={
                "packages_found": 1,
                "packages": [
                    {"wbn": "2211000011", "pdf_download_link": "https://s3.example/slip.pdf"}
                ],
            },
        ),  # fmt: skip
        "slip_pdf": mock.get("https://s3.example/slip.pdf").respond(200, content=PDF),
    }


def test_delhivery_booking_and_polling(order: Any, delhivery: None) -> None:
    shipment = _new_shipment(order)
    with respx.mock(assert_all_called=True) as mock:
        routes = _delhivery_routes(mock)
        shipment_book_attempt(shipment_id=shipment.pk)
    shipment.refresh_from_db()
    assert (shipment.awb, shipment.booking_state) == ("2211000011", BookingState.DONE)
    request = routes["create"].calls.last.request
    assert request.headers["Authorization"] == "Token dl-token"
    form = parse_qs(request.content.decode())
    assert form["format"] == ["json"]
    data = json.loads(form["data"][0])
    package = data["shipments"][0]
    assert data["pickup_location"] == {"name": shipment.pickup_location_name}
    assert (package["pin"], package["payment_mode"], package["order"]) == (
        "226001", "Prepaid", shipment.reference,
    )  # fmt: skip
    assert package["weight"] == "900"

    track = {"ShipmentData": [{"Shipment": {
        "AWB": "2211000011",
        "Status": {"Status": "In Transit", "StatusType": "UD",
                   "StatusDateTime": "2026-11-25T18:00:00", "StatusLocation": "Kanpur_Hub"},
        "Scans": [
            {"ScanDetail": {"Scan": "Manifested", "ScanType": "UD", "StatusCode": "X-UCI",
                            "ScanDateTime": "2026-11-24T10:00:00", "ScannedLocation": "Lucknow"}},
            {"ScanDetail": {"Scan": "In Transit", "ScanType": "UD", "StatusCode": "X-PPOM",
                            "Instructions": "Shipment picked up",
                            "ScanDateTime": "2026-11-25T12:00:00", "ScannedLocation": "Lucknow"}},
        ]}}]}  # fmt: skip
    with respx.mock(assert_all_called=False) as mock:
        poll = mock.get(f"{DL}/api/v1/packages/json/").respond(200, json=track)
        assert shipments_poll_due() == 1
        assert shipments_poll_due() == 0  # polled just now: not due again
    assert poll.calls.last.request.url.params["waybill"] == "2211000011"
    shipment.refresh_from_db()
    assert shipment.status == S.IN_TRANSIT
    assert shipment.seller_order.status == "shipped"


def test_delhivery_refused_package_is_permanent(order: Any, delhivery: None) -> None:
    shipment = _new_shipment(order)
    with respx.mock(assert_all_called=False) as mock:
        routes = _delhivery_routes(mock)
        routes["create"].return_value = httpx.Response(200, json={
            "success": False, "rmk": "Crashing while saving package",
            "packages": [{"status": "Fail", "remarks": ["Pincode not serviceable"]}]})  # fmt: skip
        shipment_book_attempt(shipment_id=shipment.pk)
    shipment.refresh_from_db()
    assert shipment.booking_state == BookingState.FAILED
    assert "Pincode not serviceable" in shipment.last_error


def test_delhivery_poll_outage_flags_after_repeated_failures(
    order: Any, delhivery: None, settings: Any
) -> None:
    settings.LOGISTICS = {**settings.LOGISTICS, "POLL_MINUTES": 0}
    shipment = _new_shipment(order)
    with respx.mock(assert_all_called=False) as mock:
        _delhivery_routes(mock)
        shipment_book_attempt(shipment_id=shipment.pk)
        mock.get(f"{DL}/api/v1/packages/json/").mock(side_effect=httpx.ReadTimeout("slow"))
        for _poll in range(6):
            Shipment.objects.filter(pk=shipment.pk).update(last_polled_at=None)
            shipments_poll_due()
    shipment.refresh_from_db()
    assert shipment.poll_failures == 6
    assert shipment.needs_attention


def test_delhivery_serviceability(delhivery: None) -> None:
    with respx.mock(assert_all_called=False) as mock:
        mock.get(f"{DL}/c/api/pin-codes/json/", params={"filter_codes": "226003"}).respond(
            200, json={"delivery_codes": [{"postal_code": {
                "pin": 226003, "pickup": "Y", "pre_paid": "Y", "cod": "Y"}}]})  # fmt: skip
        mock.get(f"{DL}/c/api/pin-codes/json/", params={"filter_codes": "110001"}).respond(
            200, json={"delivery_codes": [{"postal_code": {
                "pin": 110001, "pickup": "Y", "pre_paid": "Y", "cod": "N"}}]})  # fmt: skip
        mock.get(f"{DL}/c/api/pin-codes/json/", params={"filter_codes": "999999"}).respond(
            200, json={"delivery_codes": []}
        )
        provider = DelhiveryProvider()
        assert provider.serviceability("226003", "110001", 500, cod=False).serviceable
        assert not provider.serviceability("226003", "110001", 500, cod=True).serviceable
        assert not provider.serviceability("226003", "999999", 500, cod=False).serviceable
