from __future__ import annotations

from datetime import date

from ninja import Schema


class TrackingEventOut(Schema):
    status: str
    status_label: str
    location: str
    at: str


class ParcelItemOut(Schema):
    order_item_id: int
    name: str
    name_hi: str
    quantity: int


class ParcelOut(Schema):
    reference: str
    status: str
    status_label: str
    courier: str
    awb: str
    pickup_from: str | None
    picked_up_at: str | None
    delivered_at: str | None
    items: list[ParcelItemOut]
    events: list[TrackingEventOut]


class CertificateLinkOut(Schema):
    order_item_id: int
    code: str
    verify_url: str
    pdf_url: str


class DocumentOut(Schema):
    kind: str  # "invoice" or "credit-note"
    number: str
    issued_on: date
    grand_total_paise: int
    seller_order_id: int
    pdf_url: str


class OrderTrackingOut(Schema):
    number: str
    parcels: list[ParcelOut]
    certificates: list[CertificateLinkOut]
    documents: list[DocumentOut]
