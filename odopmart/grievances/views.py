"""Public grievance pages. The status page shows a complaint only to someone who gives both its
ticket number and the mobile number it was filed with."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.views.decorators.http import require_http_methods, require_safe

from odopmart.grievances import selectors
from odopmart.grievances.conf import grievance_setting
from odopmart.grievances.conf import officer as officer_details
from odopmart.grievances.exceptions import GrievanceError
from odopmart.grievances.forms import ComplaintForm, StatusForm
from odopmart.grievances.models import Grievance
from odopmart.grievances.services import grievance_lookup, grievance_submit

_SESSION_KEY = "grievance_submitted"


def _sla() -> dict[str, int]:
    return {
        "acknowledge_hours": int(grievance_setting("ACKNOWLEDGE_HOURS")),
        "resolve_months": int(grievance_setting("RESOLVE_MONTHS")),
    }


@require_safe
def officer(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "grievances/officer.html",
        {"officer": officer_details(get_language() or "en"), **_sla()},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def complain(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = ComplaintForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                grievance = grievance_submit(
                    name=data["name"],
                    phone=data["phone"],
                    email=data["email"],
                    order_number=data["order_number"],
                    category=data["category"],
                    description=data["description"],
                    attachment=data["attachment"] or None,
                    user=request.user,
                    language=get_language() or "en",
                )
            except GrievanceError as error:
                form.add_error(error.field if error.field in form.fields else None, error.message)
            else:
                request.session[_SESSION_KEY] = grievance.pk
                return redirect("grievances:submitted")
    else:
        initial = {}
        if request.GET.get("order"):
            initial["order_number"] = request.GET["order"][:20]
        form = ComplaintForm(initial=initial)
    return render(
        request,
        "grievances/complain.html",
        {"form": form, "officer": officer_details(get_language() or "en"), **_sla()},
    )


@require_safe
def submitted(request: HttpRequest) -> HttpResponse:
    """The ticket number, once, to the person who just filed it (kept in their session)."""
    pk = request.session.get(_SESSION_KEY)
    grievance = Grievance.objects.filter(pk=pk).first() if pk else None
    if grievance is None:
        return redirect("grievances:status")
    return render(request, "grievances/submitted.html", {"grievance": grievance, **_sla()})


@require_http_methods(["GET", "HEAD", "POST"])
def status(request: HttpRequest) -> HttpResponse:
    grievance = None
    not_found = False
    if request.method == "POST":
        form = StatusForm(request.POST)
        if form.is_valid():
            grievance = grievance_lookup(form.cleaned_data["ticket"], form.cleaned_data["phone"])
            not_found = grievance is None
    else:
        form = StatusForm(initial={"ticket": request.GET.get("ticket", "")[:20]})
    events = selectors.grievance_events(grievance, public_only=True) if grievance else []
    return render(
        request,
        "grievances/status.html",
        {"form": form, "grievance": grievance, "events": events, "not_found": not_found},
        status=404 if not_found else 200,
    )
