"""The price breakdown of a purchase: per vendor shipment, per line GST, shipping and totals.

`quote` is what the buyer sees before paying and what `place_order` records: the same numbers.
Prices are read fresh from the database every time; nothing the client sends is trusted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from odopmart.catalog.models import ProductStatus, Variant
from odopmart.orders.conf import orders_setting
from odopmart.orders.exceptions import OrderError
from odopmart.orders.shipping import delivery_pincode_check, shipping_for
from odopmart.orders.states import SupplyType
from odopmart.orders.tax import LineTax, gst_rate_on, line_tax, supply_type_for
from odopmart.regions.models import Pincode
from odopmart.sellers.models import Artisan, Vendor, VendorStatus


@dataclass(frozen=True)
class Problem:
    """Why something cannot be bought as it is (shown before payment; place_order refuses)."""

    code: str
    message: str
    variant_id: int | None = None
    available: int | None = None


@dataclass
class QuoteLine:
    variant: Variant
    quantity: int
    unit_price_paise: int
    line_total_paise: int
    tax: LineTax
    weight_grams: int
    pickup_pincode: str

    @property
    def rate_bp(self) -> int:
        return self.tax.rate_bp


@dataclass
class Shipment:
    """What one vendor supplies in this purchase (becomes one SellerOrder)."""

    vendor: Vendor
    supply_type: str
    vendor_state_code: str
    place_of_supply_code: str
    lines: list[QuoteLine] = field(default_factory=list)
    zone: str = ""
    shipping_paise: int = 0
    shipping_free: bool = False
    shipping_tax: LineTax = field(default_factory=lambda: LineTax(0, 0, 0, 0, 0))

    @property
    def weight_grams(self) -> int:
        return sum(line.weight_grams for line in self.lines)

    @property
    def items_total_paise(self) -> int:
        return sum(line.line_total_paise for line in self.lines)

    @property
    def taxable_paise(self) -> int:
        return sum(ln.tax.taxable_paise for ln in self.lines) + self.shipping_tax.taxable_paise

    @property
    def cgst_paise(self) -> int:
        return sum(ln.tax.cgst_paise for ln in self.lines) + self.shipping_tax.cgst_paise

    @property
    def sgst_paise(self) -> int:
        return sum(ln.tax.sgst_paise for ln in self.lines) + self.shipping_tax.sgst_paise

    @property
    def igst_paise(self) -> int:
        return sum(ln.tax.igst_paise for ln in self.lines) + self.shipping_tax.igst_paise

    @property
    def grand_total_paise(self) -> int:
        return self.items_total_paise + self.shipping_paise


@dataclass(frozen=True)
class Totals:
    items_paise: int = 0
    shipping_paise: int = 0
    taxable_paise: int = 0
    cgst_paise: int = 0
    sgst_paise: int = 0
    igst_paise: int = 0
    grand_total_paise: int = 0

    @property
    def tax_paise(self) -> int:
        return self.cgst_paise + self.sgst_paise + self.igst_paise


@dataclass
class Quote:
    on: date
    delivery_pincode: Pincode | None
    shipments: list[Shipment]
    problems: list[Problem]

    @property
    def ok(self) -> bool:
        return not self.problems

    @property
    def lines(self) -> list[QuoteLine]:
        return [line for shipment in self.shipments for line in shipment.lines]

    @property
    def totals(self) -> Totals:
        s = self.shipments
        return Totals(
            items_paise=sum(x.items_total_paise for x in s),
            shipping_paise=sum(x.shipping_paise for x in s),
            taxable_paise=sum(x.taxable_paise for x in s),
            cgst_paise=sum(x.cgst_paise for x in s),
            sgst_paise=sum(x.sgst_paise for x in s),
            igst_paise=sum(x.igst_paise for x in s),
            grand_total_paise=sum(x.grand_total_paise for x in s),
        )


def pickup_pincode(artisan: Artisan, vendor: Vendor) -> str:
    """Parcels are picked up at the artisan's door; the vendor's pickup point otherwise."""
    return artisan.pincode or vendor.pickup_pincode or vendor.pincode


def variants_for_sale(variant_ids: Iterable[int]) -> dict[int, Variant]:
    return Variant.objects.select_related(
        "product__vendor__state",
        "product__artisan__district",
        "product__category",
        "product__district",
        "product__odop_product",
    ).in_bulk(list(variant_ids))


def line_problem(variant: Variant | None, quantity: int, variant_id: int) -> Problem | None:
    """Why this quantity of the variant cannot be bought now, or None."""
    if (
        variant is None
        or not variant.is_active
        or variant.product.status != ProductStatus.APPROVED
        or variant.product.vendor.status != VendorStatus.APPROVED
    ):
        return Problem("unavailable", _("This item is no longer available."), variant_id, 0)
    if variant.stock <= 0:
        return Problem("out_of_stock", _("This item is out of stock."), variant_id, 0)
    limit = orders_setting("MAX_LINE_QUANTITY")
    if quantity > limit:
        return Problem(
            "quantity_limit",
            _("You can buy at most %(count)d of this item.") % {"count": limit},
            variant_id,
            min(limit, variant.stock),
        )
    if quantity > variant.stock:
        return Problem(
            "insufficient_stock",
            _("Only %(count)d left of this item.") % {"count": variant.stock},
            variant_id,
            variant.stock,
        )
    return None


def quote(
    lines: Sequence[tuple[Variant | int, int]],
    delivery_pincode: str | None,
    on: date | None = None,
) -> Quote:
    """The breakdown for these (variant, quantity) lines delivered to the PIN code on a date.

    Lines that cannot be bought are left out of the shipments and reported in `problems`.
    Without a PIN code the place of supply is the vendor's own state (IGST s.10(1)(ca): no
    address recorded) and shipping is not charged yet; a `pincode_required` problem says so.
    """
    on = on or timezone.localdate()
    problems: list[Problem] = []
    delivery: Pincode | None = None
    if delivery_pincode:
        try:
            delivery = delivery_pincode_check(delivery_pincode)
        except OrderError as error:
            problems.append(Problem(error.code, error.message))
    else:
        problems.append(Problem("pincode_required", _("Enter the delivery PIN code.")))

    wanted: dict[int, int] = {}
    for variant_or_id, quantity in lines:
        variant_id = variant_or_id if isinstance(variant_or_id, int) else variant_or_id.pk
        if quantity < 1:
            problems.append(
                Problem("invalid_quantity", _("Enter a quantity of at least 1."), variant_id)
            )
            continue
        wanted[variant_id] = wanted.get(variant_id, 0) + quantity
    if not wanted and not problems:
        problems.append(Problem("cart_empty", _("Your cart is empty.")))
    variants = variants_for_sale(wanted)

    shipments: dict[int, Shipment] = {}
    for variant_id, quantity in wanted.items():
        variant = variants.get(variant_id)
        problem = line_problem(variant, quantity, variant_id)
        if problem is not None:
            problems.append(problem)
            continue
        assert variant is not None
        product = variant.product
        vendor = product.vendor
        vendor_state = vendor.gst_state_code
        place = delivery.state.gst_state_code if delivery else vendor_state
        if not vendor.is_registered and place != vendor_state:
            # An enrolled unregistered supplier may not supply to another state (34/2023-CT).
            problems.append(
                Problem(
                    "seller_intra_state_only",
                    _("This seller can deliver only within %(state)s.")
                    % {"state": vendor.state.name},
                    variant_id,
                    0,
                )
            )
            continue
        shipment = shipments.get(vendor.pk)
        if shipment is None:
            shipment = shipments[vendor.pk] = Shipment(
                vendor=vendor,
                supply_type=supply_type_for(vendor_state, place),
                vendor_state_code=vendor_state,
                place_of_supply_code=place,
            )
        # An enrolled unregistered supplier charges no GST: the whole price is taxable value.
        rate = gst_rate_on(product, variant.price_paise, on) if vendor.is_registered else 0
        total = variant.price_paise * quantity
        shipment.lines.append(
            QuoteLine(
                variant=variant,
                quantity=quantity,
                unit_price_paise=variant.price_paise,
                line_total_paise=total,
                tax=line_tax(total, rate, shipment.supply_type),
                weight_grams=variant.weight_grams * quantity,
                pickup_pincode=pickup_pincode(product.artisan, vendor),
            )
        )

    for shipment in shipments.values():
        if delivery is None:
            continue
        try:
            charge = shipping_for(
                [line.pickup_pincode for line in shipment.lines],
                shipment.weight_grams,
                delivery,
                shipment.items_total_paise,
                on,
            )
        except OrderError as error:
            problems.append(Problem(error.code, error.message))
            continue
        # Delivery billed by the vendor is part of the supply: the goods' (highest) rate.
        rate = max(line.rate_bp for line in shipment.lines)
        shipment.zone = charge.zone
        shipment.shipping_paise = charge.charge_paise
        shipment.shipping_free = charge.free
        shipment.shipping_tax = line_tax(charge.charge_paise, rate, shipment.supply_type)

    ordered = sorted(shipments.values(), key=lambda s: (s.vendor.name_en, s.vendor.pk))
    return Quote(on=on, delivery_pincode=delivery, shipments=ordered, problems=problems)


__all__ = ["Problem", "Quote", "QuoteLine", "Shipment", "SupplyType", "Totals", "quote"]
