"""Read paths of the grievance pages."""

from __future__ import annotations

from datetime import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from odopmart.grievances.models import Grievance, GrievanceEvent
from odopmart.grievances.states import GrievanceStatus

S = GrievanceStatus
QUEUE_TABS = ("open", "overdue", "resolved", "all")


def overdue_q(now: datetime) -> Q:
    """Not acknowledged within its 48 hours, or not resolved within its month."""
    return (Q(status=S.RECEIVED) & Q(acknowledge_due_at__lt=now)) | (
        ~Q(status=S.RESOLVED) & Q(resolve_due_at__lt=now)
    )


def grievance_queue(
    tab: str, *, query: str = "", now: datetime | None = None
) -> QuerySet[Grievance]:
    """The staff queue: open complaints with the most urgent first."""
    now = now or timezone.now()
    rows = Grievance.objects.select_related("order")
    if tab == "open":
        rows = rows.exclude(status=S.RESOLVED).order_by("resolve_due_at", "pk")
    elif tab == "overdue":
        rows = rows.filter(overdue_q(now)).order_by("resolve_due_at", "pk")
    elif tab == "resolved":
        rows = rows.filter(status=S.RESOLVED).order_by("-resolved_at", "-pk")
    else:
        rows = rows.order_by("-created_at", "-pk")
    query = query.strip()
    if query:
        rows = rows.filter(
            Q(ticket__iexact=query)
            | Q(phone__endswith=query[-10:])
            | Q(order__number__iexact=query)
        )
    return rows


def queue_counts(now: datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    open_rows = Grievance.objects.exclude(status=S.RESOLVED)
    return {
        "open": open_rows.count(),
        "overdue": Grievance.objects.filter(overdue_q(now)).count(),
    }


def grievance_for_staff(pk: int) -> Grievance | None:
    return Grievance.objects.select_related("order", "user").filter(pk=pk).first()


def grievance_events(grievance: Grievance, *, public_only: bool) -> list[GrievanceEvent]:
    rows = grievance.events.select_related("actor")
    if public_only:
        rows = rows.filter(Q(public=True) | Q(kind__in=["submitted", "acknowledged"]))
    return list(rows)
