"""Output shapes of the certificate verification endpoint."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Schema


class CertifiedOut(Schema):
    """What a certificate says: the ODOP product and district, the artisan (name and district
    only), the seller and the dispatch. Localised fields follow ``lang``."""

    product_name: str
    product_name_en: str
    product_name_hi: str
    odop_product_name: str
    odop_product_name_en: str
    odop_product_name_hi: str
    gi_tag: str
    district_name: str
    district_name_en: str
    district_name_hi: str
    state_name: str
    state_name_en: str
    state_name_hi: str
    artisan_name: str
    artisan_name_en: str
    artisan_name_hi: str
    artisan_district: str
    artisan_district_en: str
    artisan_district_hi: str
    vendor_name: str
    vendor_name_en: str
    vendor_name_hi: str
    vendor_gstin: str
    seller_order_number: str
    quantity: int
    dispatched_on: date
    issued_at: datetime
    key_id: str
    signature_fingerprint: str


class CertificateVerifyOut(Schema):
    """The verdict. ``certificate`` is what the certificate says when it is genuine or withdrawn;
    it is null when the certificate is not genuine (its contents cannot be trusted)."""

    status: str  # genuine | tampered | revoked
    status_label: str
    genuine: bool
    code: str
    display_code: str
    verify_url: str
    pdf_url: str | None
    revoked_at: datetime | None
    certificate: CertifiedOut | None
