"""Shiprocket (an aggregator that picks the courier), INDIA_COMMERCE.md §7.1.

Booking: register the artisan's door as a pickup location, create an ad-hoc order, assign an
AWB (Shiprocket's recommended courier), generate the pickup, generate the label (a PDF URL we
download). Tracking arrives by webhook (`x-api-key` header carrying our token) and can be polled.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import httpx
from django.core.cache import cache
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
from odopmart.logistics.providers.parcel import parcel_facts
from odopmart.logistics.states import ShipmentStatus as S

if TYPE_CHECKING:
    from odopmart.logistics.models import Shipment

TOKEN_CACHE_KEY = "logistics:shiprocket:token"  # noqa: S105 - a cache key
IST = dt.timezone(dt.timedelta(hours=5, minutes=30))

# Shiprocket status ids (community mappings; the label text is the fallback).
STATUS_BY_ID: dict[int, str] = {
    6: S.PICKED_UP,  # Shipped
    7: S.DELIVERED,
    8: S.CANCELLED,
    9: S.RTO_INITIATED,
    10: S.RTO_DELIVERED,
    12: S.LOST,
    13: S.PICKUP_FAILED,  # Pickup error
    15: S.PICKUP_SCHEDULED,  # Pickup rescheduled
    17: S.OUT_FOR_DELIVERY,
    18: S.IN_TRANSIT,
    19: S.PICKUP_SCHEDULED,  # Out for pickup
    20: S.PICKUP_FAILED,  # Pickup exception
    21: S.UNDELIVERED,
    42: S.PICKED_UP,
}
STATUS_BY_LABEL: dict[str, str] = {
    "PICKUP SCHEDULED": S.PICKUP_SCHEDULED,
    "OUT FOR PICKUP": S.PICKUP_SCHEDULED,
    "PICKUP RESCHEDULED": S.PICKUP_SCHEDULED,
    "AWB ASSIGNED": S.PICKUP_SCHEDULED,
    "PICKUP ERROR": S.PICKUP_FAILED,
    "PICKUP EXCEPTION": S.PICKUP_FAILED,
    "PICKED UP": S.PICKED_UP,
    "SHIPPED": S.PICKED_UP,
    "IN TRANSIT": S.IN_TRANSIT,
    "REACHED AT DESTINATION HUB": S.IN_TRANSIT,
    "OUT FOR DELIVERY": S.OUT_FOR_DELIVERY,
    "UNDELIVERED": S.UNDELIVERED,
    "DELIVERED": S.DELIVERED,
    "RTO INITIATED": S.RTO_INITIATED,
    "RTO IN TRANSIT": S.RTO_IN_TRANSIT,
    "RTO DELIVERED": S.RTO_DELIVERED,
    "CANCELED": S.CANCELLED,
    "CANCELLED": S.CANCELLED,
    "LOST": S.LOST,
}


def map_status(status_id: Any, label: str) -> str | None:
    try:
        mapped = STATUS_BY_ID.get(int(status_id))
    except (TypeError, ValueError):
        mapped = None
    return mapped or STATUS_BY_LABEL.get((label or "").strip().upper().replace("_", " "))


def parse_time(value: Any) -> dt.datetime | None:
    """Shiprocket times are India time without a zone: "2024-05-04 14:23:00" or "04 05 2024
    14:23:00"."""
    text = str(value or "").strip()
    for pattern in ("%Y-%m-%d %H:%M:%S", "%d %m %Y %H:%M:%S", "%Y-%m-%dT%H:%M:%S"):
        try:
            return dt.datetime.strptime(text, pattern).replace(tzinfo=IST)
        except ValueError:
            continue
    return None


class ShiprocketProvider(LogisticsProvider):
    name = "shiprocket"
    supports_webhooks = True
    supports_polling = True

    # --- plumbing ------------------------------------------------------------------------
    def _client(self, token: str | None = None) -> httpx.Client:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return http_client(str(logistics_setting("SHIPROCKET_BASE_URL")), headers)

    def _token(self, *, fresh: bool = False) -> str:
        configured = str(logistics_setting("SHIPROCKET_TOKEN"))
        if configured:
            return configured
        if not fresh:
            cached = cache.get(TOKEN_CACHE_KEY)
            if cached:
                return str(cached)
        email = str(logistics_setting("SHIPROCKET_EMAIL"))
        password = str(logistics_setting("SHIPROCKET_PASSWORD"))
        if not email or not password:
            raise LogisticsProviderError(
                "SHIPROCKET_EMAIL and SHIPROCKET_PASSWORD are not set", retryable=False
            )
        with self._client() as client:
            data = json_of(
                send(client, "POST", "/auth/login", json={"email": email, "password": password})
            )
        token = str(data.get("token") or "") if isinstance(data, dict) else ""
        if not token:
            raise LogisticsProviderError("login answered without a token", retryable=False)
        cache.set(TOKEN_CACHE_KEY, token, int(logistics_setting("SHIPROCKET_TOKEN_SECONDS")))
        return token

    def _call(self, method: str, url: str, **kwargs: Any) -> Any:
        """An authenticated call; a 401 (token expired early) logs in again once."""
        try:
            with self._client(self._token()) as client:
                return json_of(send(client, method, url, **kwargs))
        except LogisticsProviderError as error:
            if error.status_code != 401 or logistics_setting("SHIPROCKET_TOKEN"):
                raise
        with self._client(self._token(fresh=True)) as client:
            return json_of(send(client, method, url, **kwargs))

    # --- interface -----------------------------------------------------------------------
    def serviceability(
        self, pickup_pincode: str, delivery_pincode: str, weight_grams: int, cod: bool
    ) -> Serviceability:
        params = {
            "pickup_postcode": pickup_pincode,
            "delivery_postcode": delivery_pincode,
            "weight": f"{weight_grams / 1000:.3f}",
            "cod": 1 if cod else 0,
        }
        try:
            data = self._call("GET", "/courier/serviceability/", params=params)
        except LogisticsProviderError as error:
            if error.status_code == 404:  # Shiprocket's answer for "no courier goes there"
                return Serviceability(serviceable=False, cod_available=False, detail=str(error))
            raise
        companies = (data.get("data") or {}).get("available_courier_companies") or []
        couriers = [
            {
                "id": company.get("courier_company_id"),
                "name": company.get("courier_name", ""),
                "rate_paise": round(float(company.get("rate") or 0) * 100),
                "etd": company.get("etd", ""),
                "cod": bool(company.get("cod")),
            }
            for company in companies
        ]
        return Serviceability(
            serviceable=bool(couriers),
            cod_available=any(courier["cod"] for courier in couriers),
            couriers=couriers,
        )

    def register_pickup_location(self, shipment: Shipment, name: str) -> str:
        facts = parcel_facts(shipment)
        payload = {
            "pickup_location": name,
            "name": shipment.pickup_name,
            "email": facts.vendor_email,
            "phone": facts.pickup_phone_digits,
            "address": shipment.pickup_address[:80],
            "address_2": shipment.pickup_address[80:160],
            "city": facts.pickup_city,
            "state": facts.pickup_state,
            "country": "India",
            "pin_code": shipment.pickup_pincode,
        }
        try:
            self._call("POST", "/settings/company/addpickup", json=payload)
        except LogisticsProviderError as error:
            # Registered before (an earlier attempt whose answer was lost): use it.
            if error.status_code == 422 and "already" in str(error).lower():
                return name
            raise
        return name

    def create_shipment(self, shipment: Shipment) -> Booking:
        facts = parcel_facts(shipment)
        order = facts.order
        provider_order_id = shipment.provider_order_id
        provider_shipment_id = shipment.provider_shipment_id
        if not provider_shipment_id:
            first, _space, last = order.ship_name.partition(" ")
            payload = {
                "order_id": shipment.reference,
                "order_date": timezone.localtime(order.placed_at or order.created_at).strftime(
                    "%Y-%m-%d %H:%M"
                ),
                "pickup_location": shipment.pickup_location_name,
                "billing_customer_name": first,
                "billing_last_name": last,
                "billing_address": order.ship_line1,
                "billing_address_2": order.ship_line2,
                "billing_city": order.ship_city,
                "billing_pincode": order.ship_pincode,
                "billing_state": facts.delivery_state,
                "billing_country": "India",
                "billing_email": order.email,
                "billing_phone": facts.delivery_phone_digits,
                "shipping_is_billing": True,
                "order_items": [
                    {
                        "name": line.name,
                        "sku": line.sku,
                        "units": line.quantity,
                        "selling_price": line.unit_price_rupees,
                        "discount": 0,
                        "tax": line.gst_rate_percent,
                        "hsn": line.hsn_code,
                    }
                    for line in facts.lines
                ],
                "payment_method": "COD" if shipment.is_cod else "Prepaid",
                "sub_total": facts.declared_value_rupees,
                "length": shipment.length_cm,
                "breadth": shipment.width_cm,
                "height": shipment.height_cm,
                "weight": round(shipment.weight_grams / 1000, 3),
            }
            data = self._call("POST", "/orders/create/adhoc", json=payload)
            provider_order_id = str(data.get("order_id") or "")
            provider_shipment_id = str(data.get("shipment_id") or "")
            if not provider_shipment_id:
                raise LogisticsProviderError(f"no shipment_id in {data}", retryable=False)
        partial = Booking(
            awb="", provider_order_id=provider_order_id, provider_shipment_id=provider_shipment_id
        )
        try:
            data = self._call(
                "POST", "/courier/assign/awb", json={"shipment_id": int(provider_shipment_id)}
            )
        except LogisticsProviderError as error:
            error.partial = partial
            raise
        awb_data = ((data.get("response") or {}).get("data")) or {}
        awb = str(awb_data.get("awb_code") or "")
        if not awb:
            # Shiprocket answers 200 with awb_assign_status 0 and a message (e.g. no courier).
            message = data.get("message") or awb_data.get("awb_assign_error") or str(data)
            raise LogisticsProviderError(
                f"no AWB assigned: {message}", retryable=False, partial=partial
            )
        return Booking(
            awb=awb,
            courier_name=str(awb_data.get("courier_name") or ""),
            provider_order_id=provider_order_id,
            provider_shipment_id=provider_shipment_id,
        )

    def schedule_pickup(self, shipment: Shipment) -> PickupSlot:
        try:
            data = self._call(
                "POST",
                "/courier/generate/pickup",
                json={"shipment_id": [int(shipment.provider_shipment_id)]},
            )
        except LogisticsProviderError as error:
            # Asked twice (a lost answer): Shiprocket refuses, the pickup stands.
            if error.status_code == 400 and "already" in str(error).lower():
                return default_pickup_slot()
            raise
        response = data.get("response") or {}
        start = parse_time(response.get("pickup_scheduled_date"))
        fallback = default_pickup_slot()
        if start is None:
            return fallback
        end = start.replace(hour=int(logistics_setting("PICKUP_END_HOUR")), minute=0, second=0)
        if end <= start:
            end = start + dt.timedelta(hours=4)
        return PickupSlot(
            start=start, end=end, reference=str(response.get("pickup_token_number") or "")
        )

    def label(self, shipment: Shipment) -> bytes:
        data = self._call(
            "POST",
            "/courier/generate/label",
            json={"shipment_id": [int(shipment.provider_shipment_id)]},
        )
        url = str(data.get("label_url") or "")
        if not data.get("label_created") or not url:
            raise LogisticsProviderError(
                f"no label: {data.get('response') or data}", retryable=True
            )
        with http_client(url) as client:
            response = send(client, "GET", url)
        if not response.content.startswith(b"%PDF"):
            raise LogisticsProviderError("the label URL did not give a PDF", retryable=True)
        return response.content

    def track(self, awb: str) -> list[TrackingEvent]:
        data = self._call("GET", f"/courier/track/awb/{awb}")
        tracking = (data or {}).get("tracking_data") or {}
        events = []
        for activity in tracking.get("shipment_track_activities") or []:
            label = str(activity.get("sr-status-label") or activity.get("activity") or "")
            code = str(activity.get("sr-status") or "")
            when = parse_time(activity.get("date"))
            events.append(
                TrackingEvent(
                    awb=awb,
                    status=map_status(code, label),
                    provider_status=str(activity.get("activity") or label),
                    provider_code=code,
                    location=str(activity.get("location") or ""),
                    event_time=when,
                    event_id=f"sr:{awb}:{code or label}:{activity.get('date', '')}",
                    raw=activity,
                )
            )
        return events

    def wants_polling(self) -> bool:
        # Webhooks carry tracking once Shiprocket is told where to send them.
        return not logistics_setting("SHIPROCKET_WEBHOOK_TOKEN")

    def verify_webhook(self, headers: Mapping[str, str], body: bytes) -> bool:
        expected = str(logistics_setting("SHIPROCKET_WEBHOOK_TOKEN"))
        given = headers.get("x-api-key") or headers.get("X-Api-Key") or ""
        # No token configured: nothing can be trusted, every call is refused.
        return bool(expected) and hmac.compare_digest(given.encode(), expected.encode())

    def parse_webhook(self, headers: Mapping[str, str], body: bytes) -> list[TrackingEvent]:
        try:
            payload = json.loads(body)
        except (ValueError, UnicodeDecodeError) as error:
            raise ValueError("body is not JSON") from error
        if not isinstance(payload, dict) or not payload.get("awb"):
            raise ValueError("no awb in the body")
        awb = str(payload["awb"])
        label = str(payload.get("current_status") or payload.get("shipment_status") or "")
        code = str(payload.get("current_status_id") or payload.get("shipment_status_id") or "")
        when = parse_time(payload.get("current_timestamp"))
        scans = payload.get("scans") or []
        location = ""
        if scans and isinstance(scans[-1], dict):
            location = str(scans[-1].get("location") or "")
        return [
            TrackingEvent(
                awb=awb,
                status=map_status(code, label),
                provider_status=label,
                provider_code=code,
                location=location,
                event_time=when,
                event_id=f"sr:{awb}:{code or label}:{payload.get('current_timestamp', '')}",
                raw=payload,
            )
        ]

    def cancel(self, shipment: Shipment) -> None:
        if not shipment.provider_order_id:
            return
        self._call("POST", "/orders/cancel", json={"ids": [int(shipment.provider_order_id)]})
