"""Template helpers of the readiness pages."""

from __future__ import annotations

from datetime import date

from django import template
from django.utils.translation import get_language

from odopmart.fulfilment.messaging import date_text
from odopmart.fulfilment.states import EVENT_LABELS, ReadinessStatus

register = template.Library()


@register.filter
def day_month(value: date | None) -> str:
    """'28 November' / '28 नवंबर' in the page's language."""
    return date_text(value, get_language() or "en") if value else ""


@register.filter
def event_label(kind: str) -> str:
    label = EVENT_LABELS.get(kind)
    return str(label) if label is not None else kind


@register.filter
def status_label(status: str) -> str:
    return str(ReadinessStatus(status).label) if status in ReadinessStatus.values else status
