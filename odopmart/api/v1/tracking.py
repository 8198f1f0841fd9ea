"""Where the buyer's parcels are, their certificates of origin and GST documents."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Path, Router

from odopmart.api.language import LanguageCode, with_language
from odopmart.api.v1.buying import ERRORS, OptionalTokenAuth
from odopmart.api.v1.orders import buyer_order
from odopmart.api.v1.schemas.tracking import OrderTrackingOut

router = Router(tags=["orders"], auth=OptionalTokenAuth())
router.add_decorator(with_language, mode="view")


@router.get("/orders/{number}/tracking", response={200: OrderTrackingOut, **ERRORS})
def order_tracking(
    request: HttpRequest, number: Path[str], lang: LanguageCode | None = None
) -> Any:
    """The order's parcels (one per artisan's pickup) with the courier's AWB and every status
    reached, the certificate of origin of each shipped item, and the invoices and credit notes.
    Guests send the order's `X-Order-Token`; anyone else's order is a 404."""
    from odopmart.certificates.selectors import certificates_for_order
    from odopmart.invoicing.selectors import invoices_for_order
    from odopmart.logistics.selectors import order_tracking_summary

    order = buyer_order(request, number)
    certificates = certificates_for_order(order)
    return {
        "number": order.number,
        "parcels": order_tracking_summary(order),
        "certificates": [
            {
                "order_item_id": item_id,
                "code": certificate.code,
                "verify_url": request.build_absolute_uri(certificate.get_absolute_url()),
                "pdf_url": request.build_absolute_uri(certificate.get_pdf_url()),
            }
            for item_id, certificate in sorted(certificates.items())
        ],
        "documents": [
            {
                "kind": document.kind,
                "number": document.number,
                "issued_on": document.issued_on,
                "grand_total_paise": document.grand_total_paise,
                "seller_order_id": document.seller_order_id,
                "pdf_url": request.build_absolute_uri(document.url),
            }
            for document in invoices_for_order(order)
        ],
    }
