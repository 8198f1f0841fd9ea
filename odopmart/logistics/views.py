"""Staff and seller pages for shipments. Thin: permission checks through the selectors,
every change through the services."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_POST, require_safe

from odopmart.logistics import selectors, services
from odopmart.logistics.exceptions import ShipmentError
from odopmart.logistics.forms import CancelForm, ManualStatusForm
from odopmart.logistics.providers import PickupSlot
from odopmart.logistics.states import CANCELLABLE_STATUSES, BookingState, ShipmentStatus
from odopmart.orders.models import SellerOrder
from odopmart.sellers.models import Artisan

PER_PAGE = 30


@login_required
@require_safe
def shipment_list(request: HttpRequest) -> HttpResponse:
    shipments = selectors.shipments_for_user(request.user)
    status = request.GET.get("status", "")
    if status == "attention":
        shipments = shipments.filter(needs_attention=True)
    elif status in ShipmentStatus.values:
        shipments = shipments.filter(status=status)
    page = Paginator(shipments, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "logistics/shipment_list.html",
        {
            "page": page,
            "status": status,
            "statuses": ShipmentStatus.choices,
            "ready": selectors.pickups_ready_to_book(request.user),
            "section": "shipments",
        },
    )


def _detail_context(request: HttpRequest, shipment, form=None, cancel_form=None) -> dict:  # type: ignore[no-untyped-def]
    manual = shipment.provider == "manual"
    return {
        "shipment": shipment,
        "order": shipment.seller_order.order,
        "events": list(shipment.events.all()),
        "lines": list(shipment.lines.all()),
        "manual_form": form
        or (ManualStatusForm(current_status=shipment.status) if manual else None),
        "cancel_form": cancel_form
        or (CancelForm() if shipment.status in CANCELLABLE_STATUSES else None),
        "can_retry": shipment.booking_state == BookingState.FAILED,
        "section": "shipments",
    }


@login_required
@require_safe
def shipment_detail(request: HttpRequest, shipment_id: int) -> HttpResponse:
    shipment = selectors.shipment_for_user(request.user, shipment_id)
    return render(request, "logistics/shipment_detail.html", _detail_context(request, shipment))


@login_required
@require_safe
def shipment_label(request: HttpRequest, shipment_id: int) -> HttpResponse:
    shipment = selectors.shipment_for_user(request.user, shipment_id)
    try:
        pdf = services.shipment_label(shipment)
    except ShipmentError as error:
        messages.error(request, error.message)
        return redirect("logistics:detail", shipment.pk)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="label-{shipment.reference}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def shipment_book(request: HttpRequest, seller_order_id: int, artisan_id: int) -> HttpResponse:
    """Book a pickup for the artisan's ready items (the staff's or vendor's button)."""
    visible = selectors.pickups_ready_to_book(request.user, limit=10_000)
    if not any(
        group["seller_order"].pk == seller_order_id and group["artisan"].pk == artisan_id
        for group in visible
    ):
        raise Http404
    seller_order = SellerOrder.objects.get(pk=seller_order_id)
    artisan = Artisan.objects.get(pk=artisan_id)
    try:
        shipment = services.shipment_book_for_ready_items(seller_order, artisan, actor=request.user)
    except ShipmentError as error:
        messages.error(request, error.message)
        return redirect("logistics:list")
    messages.success(request, gettext("Pickup booked. The artisan will get an SMS with the time."))
    return redirect("logistics:detail", shipment.pk)


@login_required
@require_POST
def shipment_manual_update(request: HttpRequest, shipment_id: int) -> HttpResponse:
    shipment = selectors.shipment_for_user(request.user, shipment_id)
    if shipment.provider != "manual":
        raise Http404
    form = ManualStatusForm(request.POST, current_status=shipment.status)
    if form.is_valid():
        window = form.pickup_window()
        try:
            services.shipment_set_manual_status(
                shipment,
                form.cleaned_data["status"] or None,
                actor=request.user,
                awb=form.cleaned_data["awb"] or None,
                courier_name=form.cleaned_data["courier_name"] or None,
                pickup_slot=PickupSlot(start=window[0], end=window[1]) if window else None,
                note=form.cleaned_data["note"],
            )
        except ShipmentError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, gettext("Shipment updated."))
            return redirect("logistics:detail", shipment.pk)
    shipment = selectors.shipment_for_user(request.user, shipment_id)
    context = _detail_context(request, shipment, form=form)
    return render(request, "logistics/shipment_detail.html", context, status=400)


@login_required
@require_POST
def shipment_cancel(request: HttpRequest, shipment_id: int) -> HttpResponse:
    shipment = selectors.shipment_for_user(request.user, shipment_id)
    form = CancelForm(request.POST)
    if form.is_valid():
        try:
            services.shipment_cancel(
                shipment, actor=request.user, reason=form.cleaned_data["reason"]
            )
        except ShipmentError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, gettext("Shipment cancelled. Its items can be booked again."))
            return redirect("logistics:detail", shipment.pk)
    context = _detail_context(request, shipment, cancel_form=form)
    return render(request, "logistics/shipment_detail.html", context, status=400)


@login_required
@require_POST
def shipment_retry(request: HttpRequest, shipment_id: int) -> HttpResponse:
    shipment = selectors.shipment_for_user(request.user, shipment_id)
    try:
        services.shipment_booking_retry(shipment, actor=request.user)
    except ShipmentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, gettext("Booking will be tried again."))
    return redirect("logistics:detail", shipment.pk)
