"""The helpline's grievance queue. Helpline agents and operator admins only; anyone else gets
a 404 (the pages do not say they exist)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from odopmart.accounts.models import StaffRole
from odopmart.accounts.roles import has_staff_role
from odopmart.grievances import selectors, services
from odopmart.grievances.exceptions import GrievanceError
from odopmart.grievances.forms import ActionForm
from odopmart.grievances.models import Grievance


def grievance_staff_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not has_staff_role(request.user, StaffRole.HELPLINE):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def _get(pk: int) -> Grievance:
    grievance = selectors.grievance_for_staff(pk)
    if grievance is None:
        raise Http404
    return grievance


@require_safe
@grievance_staff_required
def queue(request: HttpRequest) -> HttpResponse:
    tab = request.GET.get("tab", "open")
    tab = tab if tab in selectors.QUEUE_TABS else "open"
    query = request.GET.get("q", "")[:40]
    now = timezone.now()
    page = Paginator(selectors.grievance_queue(tab, query=query, now=now), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "grievances/staff_queue.html",
        {
            "page": page,
            "tab": tab,
            "query": query,
            "counts": selectors.queue_counts(now),
            "now": now,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
@grievance_staff_required
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    grievance = _get(pk)
    form = ActionForm()
    if request.method == "POST":
        form = ActionForm(request.POST)
        if form.is_valid():
            action, text = form.cleaned_data["action"], form.cleaned_data["message"]
            try:
                if action == "acknowledge":
                    services.grievance_acknowledge(grievance, actor=request.user, note=text)
                    messages.success(request, _("Acknowledged."))
                elif action == "reply":
                    services.grievance_reply(grievance, actor=request.user, message=text)
                    messages.success(request, _("Reply sent to the complainant."))
                elif action == "note":
                    services.grievance_note(grievance, actor=request.user, note=text)
                    messages.success(request, _("Note saved."))
                else:
                    services.grievance_resolve(grievance, actor=request.user, resolution=text)
                    messages.success(request, _("Marked resolved; the complainant has been told."))
            except GrievanceError as error:
                form.add_error("message" if error.field == "message" else None, error.message)
            else:
                return redirect("sellercentre:grievance_detail", pk=grievance.pk)
    return render(
        request,
        "grievances/staff_detail.html",
        {
            "grievance": grievance,
            "events": selectors.grievance_events(grievance, public_only=False),
            "form": form,
            "attachment_name": services.attachment_name(grievance),
        },
    )


@require_safe
@grievance_staff_required
def attachment(request: HttpRequest, pk: int) -> HttpResponse:
    grievance = _get(pk)
    if not grievance.attachment:
        raise Http404
    response = FileResponse(
        grievance.attachment.open("rb"),
        content_type=grievance.attachment_type or "application/octet-stream",
        as_attachment=True,
        filename=services.attachment_name(grievance),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
