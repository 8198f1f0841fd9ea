"""The shipment state machine: forward only, out-of-order and duplicate events recorded but
never moving the shipment back."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from odopmart.logistics.models import Shipment, ShipmentEvent
from odopmart.logistics.providers import TrackingEvent
from odopmart.logistics.services import shipment_apply_event
from odopmart.logistics.states import FINAL_STATUSES, SHIPMENT_TRANSITIONS
from odopmart.logistics.states import ShipmentStatus as S

pytestmark = pytest.mark.django_db
T0 = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


def _event(status: str | None, minutes: int, event_id: str = "") -> TrackingEvent:
    return TrackingEvent(
        awb="AWB1",
        status=status,
        provider_status=str(status),
        event_time=T0 + dt.timedelta(minutes=minutes),
        event_id=event_id or f"e-{status}-{minutes}",
    )


def test_table_has_no_way_back() -> None:
    forward = [S.CREATED, S.PICKUP_SCHEDULED, S.PICKED_UP, S.IN_TRANSIT, S.OUT_FOR_DELIVERY,
               S.DELIVERED]  # fmt: skip
    for index, status in enumerate(forward):
        for earlier in forward[:index]:
            assert earlier not in SHIPMENT_TRANSITIONS[status], (status, earlier)
    for status in FINAL_STATUSES:
        assert SHIPMENT_TRANSITIONS[status] == frozenset()
    assert S.CANCELLED not in SHIPMENT_TRANSITIONS[S.PICKED_UP]


@pytest.mark.parametrize("current", list(S))
def test_every_move_outside_the_table_is_recorded_not_applied(
    booked: Shipment, current: str
) -> None:
    for target in S:
        Shipment.objects.filter(pk=booked.pk).update(status=current, status_at=None)
        booked.refresh_from_db()
        recorded = shipment_apply_event(booked, _event(target, 5, f"{current}-{target}"))
        assert recorded is not None
        allowed = target in SHIPMENT_TRANSITIONS[current]
        assert recorded.applied is allowed, (current, target)
        assert booked.status == (target if allowed else current)


def test_picked_up_after_in_transit_does_not_move_back(booked: Shipment) -> None:
    shipment_apply_event(booked, _event(S.IN_TRANSIT, 60))
    late = shipment_apply_event(booked, _event(S.PICKED_UP, 30))
    assert booked.status == S.IN_TRANSIT
    assert late is not None
    assert not late.applied
    assert (late.from_status, late.to_status) == (S.IN_TRANSIT, S.PICKED_UP)
    # The skipped pickup still counts: the parcel left the artisan's door.
    assert booked.picked_up_at == T0 + dt.timedelta(minutes=60)


def test_duplicates_are_no_ops(booked: Shipment) -> None:
    first = shipment_apply_event(booked, _event(S.PICKED_UP, 10, "same"))
    count = ShipmentEvent.objects.count()
    assert first is not None
    assert first.applied
    assert shipment_apply_event(booked, _event(S.PICKED_UP, 10, "same")) is None
    assert ShipmentEvent.objects.count() == count


def test_older_event_allowed_by_the_table_is_not_applied(booked: Shipment) -> None:
    shipment_apply_event(booked, _event(S.OUT_FOR_DELIVERY, 100))
    shipment_apply_event(booked, _event(S.UNDELIVERED, 200))
    stale = shipment_apply_event(booked, _event(S.OUT_FOR_DELIVERY, 150, "stale-ofd"))
    assert stale is not None
    assert not stale.applied
    assert booked.status == S.UNDELIVERED
    again = shipment_apply_event(booked, _event(S.OUT_FOR_DELIVERY, 300))
    assert again is not None
    assert again.applied
    assert booked.status == S.OUT_FOR_DELIVERY


def test_unknown_courier_status_is_only_recorded(booked: Shipment) -> None:
    recorded = shipment_apply_event(booked, _event(None, 5, "odd"))
    assert recorded is not None
    assert recorded.kind == "note"
    assert booked.status == S.PICKUP_SCHEDULED


def test_rto_path(booked: Shipment) -> None:
    path = [S.PICKED_UP, S.IN_TRANSIT, S.UNDELIVERED, S.RTO_INITIATED, S.RTO_IN_TRANSIT,
            S.RTO_DELIVERED]  # fmt: skip
    for minutes, status in enumerate(path):
        assert shipment_apply_event(booked, _event(status, minutes + 1)).applied
    assert booked.status == S.RTO_DELIVERED
    assert not shipment_apply_event(booked, _event(S.DELIVERED, 99)).applied
    assert booked.delivered_at is None
    assert timezone.is_aware(booked.status_at)
