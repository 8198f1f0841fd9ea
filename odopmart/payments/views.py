"""Payment pages and the webhook endpoint. Thin: they read the request, check who may see the
order, call payments.services and render. The services hold every rule."""

from __future__ import annotations

import logging
import uuid
from typing import Any
from urllib.parse import urlencode

from django.http import (
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from odopmart.orders.models import Order
from odopmart.orders.states import OrderStatus
from odopmart.payments import services
from odopmart.payments.exceptions import PaymentError
from odopmart.payments.providers import ONLINE_PROVIDERS
from odopmart.payments.providers import sandbox as sandbox_gateway
from odopmart.payments.states import PaymentStatus
from odopmart.payments.tasks import sandbox_webhook_deliver

logger = logging.getLogger("odopmart.payments")

# The buyer pages remember a guest's orders (number → access token) under this session key.
SESSION_GUEST_ORDERS = "buying_guest_orders"


def _access_token(request: HttpRequest, number: str) -> str | None:
    raw = request.GET.get("t") or request.POST.get("t") or ""
    if not raw:
        raw = (request.session.get(SESSION_GUEST_ORDERS) or {}).get(number, "")
    try:
        return str(uuid.UUID(str(raw))) if raw else None
    except ValueError:
        return None


def _order_or_404(request: HttpRequest, number: str) -> Order:
    """The buyer's own order, or a guest's with its token; any other order is a 404."""
    from odopmart.orders.access import order_for_buyer

    order = order_for_buyer(request.user, number, access_token=_access_token(request, number))
    if order is None:
        raise Http404(_("No such order."))
    return order


def _actor(request: HttpRequest) -> Any:
    return request.user if request.user.is_authenticated else None


def _problem(request: HttpRequest, order: Order | None, error: PaymentError, status: int = 409):
    return render(
        request,
        "payments/problem.html",
        {"order": order, "message": error.message, "code": error.code,
         "order_url": services.order_page_url(order) if order else ""},
        status=status,
    )  # fmt: skip


@never_cache
@require_http_methods(["GET", "POST"])
def payment_start_view(request: HttpRequest, number: str) -> HttpResponse:
    """Open the gateway for an order: Razorpay's checkout here, the sandbox's pay page, or (cash
    on delivery) the order itself. Reopening it continues the same attempt."""
    order = _order_or_404(request, number)
    if order.payments.filter(status__in=services.PAID_STATUSES).exists():
        return HttpResponseRedirect(services.order_page_url(order, placed=True))
    try:
        started = services.payment_start(order, actor=_actor(request))
    except PaymentError as error:
        return _problem(request, order, error)
    if started.payment.provider != "razorpay":
        return HttpResponseRedirect(started.next_url)
    return render(
        request,
        "payments/razorpay_checkout.html",
        {
            "order": order,
            "payment": started.payment,
            "checkout": started.checkout,
            "return_url": _reverse_return("razorpay"),
        },
    )


def _reverse_return(provider: str) -> str:
    return reverse("payments:return", args=[provider])


@never_cache
def payment_status_view(request: HttpRequest, number: str) -> HttpResponse:
    """Where the buyer lands after the gateway: paid, still being confirmed, or failed."""
    order = _order_or_404(request, number)
    payment = order.payments.order_by("-created_at", "-pk").first()
    status = payment.status if payment else ""
    if status in services.PAID_STATUSES:
        state = "paid"
    elif status == PaymentStatus.FAILED or order.status == OrderStatus.PAYMENT_FAILED:
        state = "failed"
    elif order.status in services.CLOSED_ORDER_STATUSES:
        state = "closed"
    else:
        state = "waiting"
    return render(
        request,
        "payments/status.html",
        {
            "order": order,
            "payment": payment,
            "state": state,
            "order_url": services.order_page_url(order, placed=state == "paid"),
            "retry_url": services.start_url(order),
        },
    )


@csrf_exempt  # the gateway's checkout posts here; the signature is what authenticates it
@never_cache
@require_http_methods(["GET", "POST"])
def payment_return_view(request: HttpRequest, provider: str) -> HttpResponse:
    if provider not in ONLINE_PROVIDERS:
        raise Http404
    params = request.POST if request.method == "POST" else request.GET
    payment = services.payment_for_gateway_order(provider, str(params.get("razorpay_order_id", "")))
    if payment is None:
        raise Http404(_("No such payment."))
    order = payment.order
    if not params.get("razorpay_signature"):
        # The checkout reported a failure (unsigned): tell the buyer; the webhook records it.
        return HttpResponseRedirect(services.status_url(order) + _sep(order) + "failed=1")
    try:
        payment = services.payment_verify_return(payment, params, actor=_actor(request))
    except PaymentError as error:
        return _problem(request, order, error, status=400)
    if payment.status in services.PAID_STATUSES:
        order.refresh_from_db()
        if order.status not in services.CLOSED_ORDER_STATUSES:
            return HttpResponseRedirect(services.order_page_url(order, placed=True))
    return HttpResponseRedirect(services.status_url(order))


def _sep(order: Order) -> str:
    return "&" if services.guest_query(order) else "?"


@never_cache
@require_http_methods(["GET", "POST"])
def sandbox_gateway_view(request: HttpRequest, gateway_order_id: str) -> HttpResponse:
    """The sandbox gateway's own pay page (a test gateway: no money moves)."""
    signature = request.GET.get("sig") or request.POST.get("sig")
    if not sandbox_gateway.page_signature_valid(gateway_order_id, signature):
        raise Http404
    payment = services.payment_for_gateway_order("sandbox", gateway_order_id)
    if payment is None:
        raise Http404
    order = payment.order
    if request.method == "POST":
        action = request.POST.get("action")
        if action not in ("pay", "fail"):
            return HttpResponseRedirect(request.get_full_path())
        if payment.status in services.CAPTURED_STATUSES:
            # Paid already (a double click, or the back button): replay the same success.
            action = "pay"
        click = sandbox_gateway.sandbox_click(
            payment, sandbox_gateway.CAPTURED if action == "pay" else sandbox_gateway.FAILED
        )
        _send_sandbox_webhook(click)
        return HttpResponseRedirect(
            f"{_reverse_return('sandbox')}?{urlencode(click.return_params)}"
        )
    return render(
        request,
        "payments/sandbox_gateway.html",
        {"order": order, "payment": payment, "signature": signature},
    )


def _send_sandbox_webhook(click: sandbox_gateway.SandboxClick) -> None:
    try:
        sandbox_webhook_deliver.enqueue(
            sandbox_gateway.webhook_url(), click.webhook_body, click.webhook_headers
        )
    except Exception:
        # The signed return still completes the order; a real gateway would retry later.
        logger.exception("Could not queue the sandbox webhook %s", click.event_id)


@csrf_exempt
@require_POST
def payment_webhook_view(request: HttpRequest, provider: str) -> HttpResponse:
    """Gateway webhooks: verified over the raw body, recorded, applied once."""
    try:
        event = services.webhook_receive(provider, request.body, request.headers)
    except KeyError:
        return JsonResponse({"code": "not_found", "detail": "Unknown provider"}, status=404)
    except Exception:
        # Logged by the service; a 5xx makes the gateway deliver it again.
        return JsonResponse({"code": "server_error", "detail": "Try again"}, status=500)
    if not event.signature_valid:
        return JsonResponse({"code": "bad_signature", "detail": "Signature mismatch"}, status=400)
    if event.outcome == "flagged" and event.event_id.startswith("rejected-"):
        return JsonResponse({"code": "bad_body", "detail": "Not a JSON object"}, status=400)
    return JsonResponse(
        {"status": "duplicate" if getattr(event, "is_duplicate", False) else event.outcome}
    )
