"""Settlement pages in the seller centre (/seller/settlements/).

A vendor's members see that vendor's statements and its artisans' shares (and mark a share
paid); finance staff and operator admins run settlements, see batches and payouts, download
the bank file, record the bank's result and import COD remittance files. Anything else — and
another vendor's ids — is a 404, so ids cannot be probed.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    JsonResponse,
)
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from odopmart.sellers.access import require_vendor
from odopmart.settlements import cod, services
from odopmart.settlements.exceptions import CodFileError, SettlementError
from odopmart.settlements.models import (
    ArtisanPayout,
    CodOutcome,
    CodRemittanceFile,
    Payout,
    PayoutStatus,
    Settlement,
    SettlementBatch,
)
from odopmart.settlements.providers.manual import rupees_plain
from odopmart.settlements.selectors import (
    is_settlement_staff,
    member_vendor_ids,
    settlement_lines,
    settlements_for_user,
    vendor_artisan_shares,
)
from odopmart.settlements.webhooks import payout_webhook_receive

MAX_UPLOAD = cod.MAX_BYTES


def staff_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_settlement_staff(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


# --- vendors ------------------------------------------------------------------------------------


@login_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    """Staff land on the batches; a vendor's member on their vendor's statements."""
    if is_settlement_staff(request.user):
        return redirect("sellercentre:settlements_batches")
    vendor = require_vendor(request, None)
    return redirect("sellercentre:settlements_vendor", vendor_id=vendor.pk)


@login_required
@require_safe
def vendor_settlements(request: HttpRequest, vendor_id: int) -> HttpResponse:
    staff = is_settlement_staff(request.user)
    if staff:
        from odopmart.sellers.models import Vendor

        vendor = get_object_or_404(Vendor, pk=vendor_id)
    else:
        vendor = require_vendor(request, vendor_id)
    settlements = Settlement.objects.filter(vendor=vendor).select_related("batch")
    page = Paginator(settlements.order_by("-batch__created_at", "-pk"), 25).get_page(
        request.GET.get("page")
    )
    shares = vendor_artisan_shares(vendor.pk)[:50]
    return render(
        request,
        "settlements/vendor.html",
        {
            "section": "settlements",
            "vendor": vendor,
            "page": page,
            "shares": shares,
            "staff": staff,
            "owed": services.vendor_payable_unsettled(vendor.pk),
        },
    )


def _own_settlement(request: HttpRequest, pk: int) -> Settlement:
    settlement = settlements_for_user(request.user).filter(pk=pk).first()
    if settlement is None:
        raise Http404
    return settlement


@login_required
@require_safe
def settlement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    settlement = _own_settlement(request, pk)
    return render(
        request,
        "settlements/statement.html",
        {
            "section": "settlements",
            "settlement": settlement,
            "lines": settlement_lines(settlement),
            "payouts": settlement.payouts.order_by("-created_at", "-pk"),
            "reimbursed": settlement.reimbursed_artisan_payouts.select_related("artisan"),
            "staff": is_settlement_staff(request.user),
        },
    )


STATEMENT_HEADER = [
    "recognised_on", "seller_order", "item", "product", "artisan", "returned", "sales_inr",
    "returns_inr", "gross_inr", "commission_inr", "gst_on_commission_inr", "tcs_inr", "tds_inr",
    "artisan_share_inr", "net_inr",
]  # fmt: skip


@login_required
@require_safe
def settlement_csv(request: HttpRequest, pk: int) -> HttpResponse:
    settlement = _own_settlement(request, pk)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(STATEMENT_HEADER)
    for line in settlement_lines(settlement):
        writer.writerow(
            [
                line.recognised_on.isoformat(),
                line.seller_order.number,
                line.item_id,
                line.item.name_en,
                line.artisan.name_en,
                "yes" if line.returned else "no",
                rupees_plain(line.line_total_paise + line.shipping_paise),
                rupees_plain(line.line_total_paise if line.returned else 0),
                rupees_plain(line.gross_paise),
                rupees_plain(line.commission_paise),
                rupees_plain(line.gst_on_commission_paise),
                rupees_plain(line.tcs_paise),
                rupees_plain(line.tds_paise),
                rupees_plain(line.artisan_share_paise),
                rupees_plain(line.vendor_net_paise),
            ]
        )
    s = settlement
    writer.writerow(
        ["total", "", s.item_count, "", "", "", rupees_plain(s.sales_paise),
         rupees_plain(s.returns_paise), rupees_plain(s.gross_paise),
         rupees_plain(s.commission_paise), rupees_plain(s.gst_on_commission_paise),
         rupees_plain(s.tcs_paise), rupees_plain(s.tds_paise),
         rupees_plain(s.artisan_share_paise),
         rupees_plain(s.net_paise - s.artisan_reimbursed_paise)]
    )  # fmt: skip
    if s.artisan_reimbursed_paise:
        writer.writerow(
            ["artisan_shares_you_paid", *[""] * 13, rupees_plain(s.artisan_reimbursed_paise)]
        )
        writer.writerow(["net_payable", *[""] * 13, rupees_plain(s.net_paise)])
    response = HttpResponse(out.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="settlement-{s.pk}.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def artisan_share_mark_paid(request: HttpRequest, pk: int) -> HttpResponse:
    """The vendor paid its artisan itself and records the payment's reference."""
    share = ArtisanPayout.objects.filter(
        pk=pk, vendor_id__in=member_vendor_ids(request.user)
    ).first()
    if share is None:
        raise Http404
    try:
        services.artisan_share_mark_paid_by_vendor(
            share, reference=request.POST.get("reference", ""), actor=request.user
        )
    except SettlementError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Recorded as paid. It will be added to your next settlement."))
    return redirect(reverse("sellercentre:settlements_vendor", args=[share.vendor_id]) + "#shares")


# --- staff --------------------------------------------------------------------------------------


@staff_required
@require_safe
def batches(request: HttpRequest) -> HttpResponse:
    found = SettlementBatch.objects.annotate(
        vendors=Count("settlements", distinct=True),
        due=Count(
            "settlements", filter=Q(settlements__status__in=("due", "failed")), distinct=True
        ),
    )
    page = Paginator(found.order_by("-created_at", "-pk"), 25).get_page(request.GET.get("page"))
    problems = (
        Payout.objects.filter(
            status__in=(PayoutStatus.REJECTED, PayoutStatus.FAILED, PayoutStatus.REVERSED),
        )
        .filter(Q(settlement__status__in=("due", "failed")) | Q(artisan_payout__status="due"))
        .select_related("vendor", "artisan")[:20]
    )
    return render(
        request,
        "settlements/batches.html",
        {
            "section": "settlements",
            "page": page,
            "problems": problems,
            "owed": services.unsettled_accruals().count(),
        },
    )


@staff_required
@require_POST
def run_now(request: HttpRequest) -> HttpResponse:
    batch = services.settlement_run(actor=request.user)
    if batch is None:
        messages.info(request, _("Nothing to settle: no recognised items are waiting."))
        return redirect("sellercentre:settlements_batches")
    messages.success(request, _("Settlement batch created."))
    return redirect("sellercentre:settlements_batch", pk=batch.pk)


@staff_required
@require_safe
def batch_detail(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(SettlementBatch, pk=pk)
    return render(
        request,
        "settlements/batch.html",
        {
            "section": "settlements",
            "batch": batch,
            "settlements": batch.settlements.select_related("vendor").order_by("vendor__name_en"),
            "payouts": services.batch_payouts(batch).order_by("pk"),
            "shares": batch.artisan_payouts.select_related("artisan", "vendor").order_by("pk"),
            "live": (PayoutStatus.PENDING, PayoutStatus.QUEUED, PayoutStatus.PROCESSING),
        },
    )


@staff_required
@require_safe
def batch_bank_file(request: HttpRequest, pk: int) -> HttpResponse:
    batch = get_object_or_404(SettlementBatch, pk=pk)
    if not batch.bank_file:
        raise Http404
    response = FileResponse(
        batch.bank_file.open("rb"), as_attachment=True, filename=f"odopmart-batch-{batch.pk}.csv"
    )
    response["Cache-Control"] = "private, no-store"
    return response


@staff_required
@require_POST
def batch_bank_result(request: HttpRequest, pk: int) -> HttpResponse:
    """The bank's result file: reference, status (success / failed), utr, reason."""
    batch = get_object_or_404(SettlementBatch, pk=pk)
    upload = request.FILES.get("file")
    back = redirect("sellercentre:settlements_batch", pk=batch.pk)
    if upload is None or upload.size > MAX_UPLOAD:
        messages.error(request, _("Choose the bank's result file (CSV, at most 5 MB)."))
        return back
    try:
        text = upload.read().decode("utf-8-sig")
        rows = [
            {(key or "").strip().lower(): (value or "") for key, value in row.items()}
            for row in csv.DictReader(io.StringIO(text))
        ]
    except (UnicodeDecodeError, csv.Error):
        messages.error(request, _("Save the file as CSV (UTF-8) and upload it again."))
        return back
    if not rows or "reference" not in rows[0] or "status" not in rows[0]:
        messages.error(request, _("The file needs the columns reference and status (and utr)."))
        return back
    try:
        counts = services.bank_result_apply(rows, actor=request.user)
    except SettlementError as error:
        messages.error(request, error.message)
        return back
    messages.success(
        request,
        _("%(paid)s paid, %(rejected)s refused, %(unchanged)s unchanged.") % counts,
    )
    return back


def _payout_back(payout: Payout) -> HttpResponse:
    batch_id = (
        payout.settlement.batch_id if payout.settlement_id else payout.artisan_payout.batch_id
    )
    return redirect(
        reverse("sellercentre:settlements_batch", args=[batch_id]) + f"#payout-{payout.pk}"
    )


@staff_required
@require_POST
def payout_mark_paid(request: HttpRequest, pk: int) -> HttpResponse:
    payout = get_object_or_404(Payout.objects.select_related("settlement", "artisan_payout"), pk=pk)
    try:
        services.payout_mark_paid(payout, utr=request.POST.get("utr", ""), actor=request.user)
    except SettlementError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Payout marked paid."))
    return _payout_back(payout)


@staff_required
@require_POST
def payout_mark_rejected(request: HttpRequest, pk: int) -> HttpResponse:
    payout = get_object_or_404(Payout.objects.select_related("settlement", "artisan_payout"), pk=pk)
    try:
        services.payout_mark_rejected(
            payout, reason=request.POST.get("reason", ""), actor=request.user
        )
    except SettlementError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Payout marked refused; the settlement is due again."))
    return _payout_back(payout)


@staff_required
@require_POST
def payout_pay_again(request: HttpRequest, pk: int) -> HttpResponse:
    payout = get_object_or_404(Payout.objects.select_related("settlement", "artisan_payout"), pk=pk)
    try:
        if payout.settlement_id:
            services.settlement_pay_again(payout.settlement, actor=request.user)
        else:
            services.artisan_share_pay_again(payout.artisan_payout, actor=request.user)
    except SettlementError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("A new payout was created."))
    return _payout_back(payout)


@staff_required
def cod_files(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, _("Choose the remittance file (CSV)."))
        elif upload.size > MAX_UPLOAD:
            messages.error(request, _("The file is larger than 5 MB."))
        else:
            try:
                remittance = cod.cod_remittance_import(
                    upload.read(), name=upload.name, actor=request.user
                )
            except CodFileError as error:
                messages.error(request, error.message)
            else:
                messages.success(
                    request,
                    _("Imported %(rows)s line(s): %(matched)s matched, %(mismatches)s to look at.")
                    % {
                        "rows": remittance.row_count,
                        "matched": remittance.matched_count,
                        "mismatches": remittance.mismatch_count,
                    },
                )
                return redirect("sellercentre:settlements_cod_file", pk=remittance.pk)
        return redirect("sellercentre:settlements_cod")
    page = Paginator(CodRemittanceFile.objects.all(), 25).get_page(request.GET.get("page"))
    return render(request, "settlements/cod.html", {"section": "settlements", "page": page})


@staff_required
@require_safe
def cod_file_detail(request: HttpRequest, pk: int) -> HttpResponse:
    remittance = get_object_or_404(CodRemittanceFile, pk=pk)
    lines = remittance.lines.select_related("seller_order", "shipment")
    show = request.GET.get("show", "mismatches")
    if show != "all":
        lines = lines.exclude(outcome=CodOutcome.MATCHED)
    return render(
        request,
        "settlements/cod_file.html",
        {"section": "settlements", "remittance": remittance, "lines": lines, "show": show},
    )


# --- provider webhooks --------------------------------------------------------------------------


@csrf_exempt
@require_POST
def payout_webhook_view(request: HttpRequest, provider: str) -> HttpResponse:
    try:
        outcome = payout_webhook_receive(provider, request.body, request.headers)
    except KeyError:
        return JsonResponse({"code": "not_found", "detail": "Unknown provider"}, status=404)
    except Exception:
        # A 5xx makes the provider deliver it again.
        return JsonResponse({"code": "server_error", "detail": "Try again"}, status=500)
    if outcome == "bad_signature":
        return JsonResponse({"code": "bad_signature", "detail": "Signature mismatch"}, status=400)
    if outcome == "bad_body":
        return JsonResponse({"code": "bad_body", "detail": "Not a JSON object"}, status=400)
    return JsonResponse({"status": outcome})
