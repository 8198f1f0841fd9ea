"""Delhivery B2C express, INDIA_COMMERCE.md §7.2.

Booking: register the artisan's door as a client warehouse, create the package (form-encoded
``format=json&data=<JSON>``; Delhivery assigns the waybill), raise a pickup request, fetch the
packing slip. Tracking is polled (push webhooks only where the account team enables them).
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx
from django.utils import timezone

from odopmart.logistics.conf import logistics_setting
from odopmart.logistics.providers._http import http_client, json_of, send
from odopmart.logistics.providers.base import (
    Booking,
    LogisticsProvider,
    LogisticsProviderError,
    PickupSlot,
    Serviceability,
    TrackingEvent,
    default_pickup_slot,
)
from odopmart.logistics.providers.parcel import national_digits, parcel_facts
from odopmart.logistics.states import ShipmentStatus as S

if TYPE_CHECKING:
    from odopmart.logistics.models import Shipment

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


def map_scan(scan_type: str, scan: str, code: str = "", instructions: str = "") -> str | None:
    """(StatusType, Status/Scan, StatusCode, Instructions) -> our status."""
    scan_type = (scan_type or "").upper()
    scan = (scan or "").strip().lower()
    text = f"{scan} {(instructions or '').lower()}"
    if scan_type == "CN" or "cancel" in scan:
        return S.CANCELLED
    if scan_type == "DL":
        return S.RTO_DELIVERED if "rto" in scan or "return" in scan else S.DELIVERED
    if scan_type == "RT":
        if "dispatched" in scan or "transit" in scan or "pending" in scan:
            return S.RTO_IN_TRANSIT
        return S.RTO_INITIATED
    if scan_type == "UD":
        if code == "X-PPOM" or "picked up" in text:
            return S.PICKED_UP
        if scan == "manifested" or code.startswith("FMPUR"):
            return S.PICKUP_SCHEDULED
        if scan in {"not picked", "pickup failed"}:
            return S.PICKUP_FAILED
        if scan == "dispatched":
            return S.OUT_FOR_DELIVERY
        if scan in {"in transit", "pending"}:
            return S.UNDELIVERED if "undelivered" in text or "ndr" in text else S.IN_TRANSIT
    if scan_type in {"PP", "PU"}:
        return None  # reverse pickups: a separate shipment, not handled here
    return None


def parse_time(value: Any) -> dt.datetime | None:
    text = str(value or "").strip()
    if not text:
        return None
    try:
        when = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=IST)


def _events_from_shipment(shipment_data: Mapping[str, Any]) -> list[TrackingEvent]:
    awb = str(shipment_data.get("AWB") or "")
    events: list[TrackingEvent] = []
    for entry in shipment_data.get("Scans") or []:
        detail = entry.get("ScanDetail") if isinstance(entry, dict) else None
        if not isinstance(detail, dict):
            continue
        scan = str(detail.get("Scan") or "")
        code = str(detail.get("StatusCode") or "")
        when_text = str(detail.get("ScanDateTime") or detail.get("StatusDateTime") or "")
        events.append(
            TrackingEvent(
                awb=awb,
                status=map_scan(
                    str(detail.get("ScanType") or ""),
                    scan,
                    code,
                    str(detail.get("Instructions") or ""),
                ),
                provider_status=" · ".join(
                    part for part in (scan, str(detail.get("Instructions") or "")) if part
                ),
                provider_code=code,
                location=str(detail.get("ScannedLocation") or ""),
                event_time=parse_time(when_text),
                event_id=f"dl:{awb}:{code or scan}:{when_text}",
                raw=detail,
            )
        )
    status = shipment_data.get("Status")
    if isinstance(status, dict) and status.get("Status"):
        when_text = str(status.get("StatusDateTime") or "")
        scan = str(status.get("Status"))
        code = str(status.get("StatusCode") or "")
        events.append(
            TrackingEvent(
                awb=awb,
                status=map_scan(
                    str(status.get("StatusType") or ""),
                    scan,
                    code,
                    str(status.get("Instructions") or ""),
                ),
                provider_status=scan,
                provider_code=code,
                location=str(status.get("StatusLocation") or ""),
                event_time=parse_time(when_text),
                event_id=f"dl:{awb}:{code or scan}:{when_text}",
                raw=status,
            )
        )
    return events


class DelhiveryProvider(LogisticsProvider):
    name = "delhivery"
    supports_webhooks = True  # only when the account team enables push (token configured)
    supports_polling = True

    def _client(self) -> httpx.Client:
        token = str(logistics_setting("DELHIVERY_API_TOKEN"))
        if not token:
            raise LogisticsProviderError("DELHIVERY_API_TOKEN is not set", retryable=False)
        return http_client(
            str(logistics_setting("DELHIVERY_BASE_URL")),
            {"Authorization": f"Token {token}", "Accept": "application/json"},
        )

    def _call(self, method: str, url: str, **kwargs: Any) -> Any:
        with self._client() as client:
            return json_of(send(client, method, url, **kwargs))

    def _pincode(self, pincode: str) -> dict[str, Any] | None:
        data = self._call("GET", "/c/api/pin-codes/json/", params={"filter_codes": pincode})
        for entry in data.get("delivery_codes") or []:
            postal = entry.get("postal_code") or {}
            if str(postal.get("pin")) == str(pincode):
                return postal
        return None

    def serviceability(
        self, pickup_pincode: str, delivery_pincode: str, weight_grams: int, cod: bool
    ) -> Serviceability:
        pickup = self._pincode(pickup_pincode)
        if pickup is None or str(pickup.get("pickup", "")).upper() != "Y":
            return Serviceability(
                serviceable=False, cod_available=False, detail=f"no pickup at {pickup_pincode}"
            )
        delivery = self._pincode(delivery_pincode)
        if delivery is None:
            return Serviceability(
                serviceable=False, cod_available=False, detail=f"no delivery to {delivery_pincode}"
            )
        prepaid = str(delivery.get("pre_paid", "")).upper() == "Y"
        cod_ok = str(delivery.get("cod", "")).upper() == "Y"
        return Serviceability(
            serviceable=cod_ok if cod else prepaid,
            cod_available=cod_ok,
            couriers=[{"id": "delhivery", "name": "Delhivery", "rate_paise": None, "etd": ""}],
        )

    def register_pickup_location(self, shipment: Shipment, name: str) -> str:
        facts = parcel_facts(shipment)
        payload = {
            "name": name,
            "email": facts.vendor_email,
            "phone": facts.pickup_phone_digits,
            "address": shipment.pickup_address,
            "city": facts.pickup_city,
            "country": "India",
            "pin": shipment.pickup_pincode,
            "return_address": str(logistics_setting("RETURN_ADDRESS")) or shipment.pickup_address,
            "return_pin": str(logistics_setting("RETURN_PINCODE")) or shipment.pickup_pincode,
            "return_city": facts.pickup_city,
            "return_state": facts.pickup_state,
            "return_country": "India",
        }
        try:
            data = self._call("POST", "/api/backend/clientwarehouse/create/", json=payload)
        except LogisticsProviderError as error:
            if error.status_code == 400 and "already exists" in str(error).lower():
                return name
            raise
        if isinstance(data, dict) and data.get("success") is False:
            error_text = str(data.get("error") or data)
            if "already exists" in error_text.lower():
                return name
            raise LogisticsProviderError(f"warehouse refused: {error_text}", retryable=False)
        return name

    def create_shipment(self, shipment: Shipment) -> Booking:
        facts = parcel_facts(shipment)
        order = facts.order
        package = {
            "name": order.ship_name,
            "add": ", ".join(part for part in (order.ship_line1, order.ship_line2) if part),
            "pin": order.ship_pincode,
            "city": order.ship_city,
            "state": facts.delivery_state,
            "country": "India",
            "phone": national_digits(order.phone),
            "order": shipment.reference,
            "payment_mode": "COD" if shipment.is_cod else "Prepaid",
            "cod_amount": facts.cod_amount_rupees if shipment.is_cod else "0",
            "total_amount": facts.declared_value_rupees,
            "products_desc": facts.products_description,
            "hsn_code": ",".join(sorted({line.hsn_code for line in facts.lines})),
            "quantity": str(sum(line.quantity for line in facts.lines)),
            "weight": str(shipment.weight_grams),
            "shipment_length": str(shipment.length_cm),
            "shipment_width": str(shipment.width_cm),
            "shipment_height": str(shipment.height_cm),
            "seller_name": facts.vendor_name,
            "seller_gst_tin": facts.vendor_gstin,
            "seller_inv": shipment.seller_order.number,
            "waybill": "",
            "shipping_mode": str(logistics_setting("DELHIVERY_SHIPPING_MODE")),
        }
        data_json = json.dumps(
            {"shipments": [package], "pickup_location": {"name": shipment.pickup_location_name}}
        )
        data = self._call(
            "POST", "/api/cmu/create.json", data={"format": "json", "data": data_json}
        )
        packages = data.get("packages") or []
        package_out = packages[0] if packages else {}
        waybill = str(package_out.get("waybill") or "")
        if not data.get("success") or not waybill or package_out.get("status") == "Fail":
            remarks = package_out.get("remarks") or data.get("rmk") or data
            # Delhivery answers 200 with success false for bad data: a person must fix it.
            raise LogisticsProviderError(f"package refused: {remarks}", retryable=False)
        return Booking(awb=waybill, courier_name="Delhivery", provider_shipment_id=waybill)

    def schedule_pickup(self, shipment: Shipment) -> PickupSlot:
        slot = default_pickup_slot()
        start = timezone.localtime(slot.start)
        payload = {
            "pickup_location": shipment.pickup_location_name,
            "pickup_date": start.strftime("%Y-%m-%d"),
            "pickup_time": start.strftime("%H:%M:%S"),
            "expected_package_count": 1,
        }
        data = self._call("POST", "/fm/request/new/", json=payload)
        if not isinstance(data, dict) or not (data.get("pickup_id") or data.get("success")):
            raise LogisticsProviderError(f"pickup refused: {data}", retryable=False)
        return PickupSlot(start=slot.start, end=slot.end, reference=str(data.get("pickup_id", "")))

    def label(self, shipment: Shipment) -> bytes:
        data = self._call(
            "GET", "/api/p/packing_slip", params={"wbns": shipment.awb, "pdf": "true"}
        )
        packages = data.get("packages") or []
        link = str((packages[0] if packages else {}).get("pdf_download_link") or "")
        if not link:
            raise LogisticsProviderError(f"no packing slip for {shipment.awb}", retryable=True)
        with http_client(link) as client:
            response = send(client, "GET", link)
        if not response.content.startswith(b"%PDF"):
            raise LogisticsProviderError("the packing slip link did not give a PDF", retryable=True)
        return response.content

    def track(self, awb: str) -> list[TrackingEvent]:
        data = self._call("GET", "/api/v1/packages/json/", params={"waybill": awb})
        events: list[TrackingEvent] = []
        for entry in data.get("ShipmentData") or []:
            shipment_data = entry.get("Shipment") if isinstance(entry, dict) else None
            if isinstance(shipment_data, dict):
                events.extend(_events_from_shipment(shipment_data))
        return events

    def wants_polling(self) -> bool:
        return not logistics_setting("DELHIVERY_WEBHOOK_TOKEN")

    def verify_webhook(self, headers: Mapping[str, str], body: bytes) -> bool:
        expected = str(logistics_setting("DELHIVERY_WEBHOOK_TOKEN"))
        given = headers.get("Authorization") or headers.get("authorization") or ""
        given = given.removeprefix("Token ").removeprefix("Bearer ").strip()
        return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())

    def parse_webhook(self, headers: Mapping[str, str], body: bytes) -> list[TrackingEvent]:
        """Push payloads carry the tracking API's Shipment object (or a list of them)."""
        try:
            payload = json.loads(body)
        except (ValueError, UnicodeDecodeError) as error:
            raise ValueError("body is not JSON") from error
        entries = payload if isinstance(payload, list) else [payload]
        events: list[TrackingEvent] = []
        for entry in entries:
            shipment_data = entry.get("Shipment") if isinstance(entry, dict) else None
            if not isinstance(shipment_data, dict) or not shipment_data.get("AWB"):
                raise ValueError("no Shipment.AWB in the body")
            events.extend(_events_from_shipment(shipment_data))
        return events

    def cancel(self, shipment: Shipment) -> None:
        if not shipment.awb:
            return
        self._call("POST", "/api/p/edit", json={"waybill": shipment.awb, "cancellation": "true"})
