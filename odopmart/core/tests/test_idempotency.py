"""Idempotency keys: one run per key, replays of the stored answer, conflicts refused."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
import time_machine
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection
from django.utils import timezone

from odopmart.core.idempotency import (
    IdempotencyError,
    idempotency_key_clean,
    idempotency_records_purge,
    idempotent_run,
    request_fingerprint,
)
from odopmart.core.models import IdempotencyRecord

pytestmark = pytest.mark.django_db


class Counter:
    def __init__(self, status: int = 201) -> None:
        self.calls = 0
        self.status = status

    def __call__(self) -> tuple[int, dict[str, object]]:
        self.calls += 1
        return self.status, {"number": f"OD-{self.calls}", "amount_paise": 249900}


def test_without_a_key_every_call_runs():
    run = Counter()
    first = idempotent_run(scope="s", key=None, fingerprint="f", run=run)
    second = idempotent_run(scope="s", key=None, fingerprint="f", run=run)

    assert run.calls == 2
    assert (first.body["number"], second.body["number"]) == ("OD-1", "OD-2")
    assert not IdempotencyRecord.objects.exists()


def test_same_key_and_request_replays_the_stored_answer():
    run = Counter()
    fingerprint = request_fingerprint({"a": 1, "b": [1, 2]})

    first = idempotent_run(scope="checkout:user:1", key="k-1", fingerprint=fingerprint, run=run)
    again = idempotent_run(scope="checkout:user:1", key="k-1", fingerprint=fingerprint, run=run)

    assert run.calls == 1
    assert (first.status, first.replayed) == (201, False)
    assert (again.status, again.replayed, again.body) == (201, True, first.body)
    record = IdempotencyRecord.objects.get()
    assert (record.scope, record.key, record.response_status) == ("checkout:user:1", "k-1", 201)


def test_fingerprint_ignores_key_order_but_not_values():
    assert request_fingerprint({"a": 1, "b": 2}) == request_fingerprint({"b": 2, "a": 1})
    assert request_fingerprint({"a": 1}) != request_fingerprint({"a": 2})
    assert request_fingerprint("/orders/A", {"a": 1}) != request_fingerprint("/orders/B", {"a": 1})


def test_same_key_with_a_different_request_is_refused_and_runs_nothing():
    run = Counter()
    idempotent_run(scope="s", key="k", fingerprint=request_fingerprint({"q": 1}), run=run)

    with pytest.raises(IdempotencyError) as refused:
        idempotent_run(scope="s", key="k", fingerprint=request_fingerprint({"q": 2}), run=run)

    assert refused.value.code == "idempotency_key_reused"
    assert run.calls == 1


def test_scopes_keep_callers_apart():
    run = Counter()
    idempotent_run(scope="checkout:user:1", key="same", fingerprint="f", run=run)
    other = idempotent_run(scope="checkout:user:2", key="same", fingerprint="g", run=run)

    assert run.calls == 2
    assert other.replayed is False


def test_a_key_still_running_is_refused():
    IdempotencyRecord.objects.create(scope="s", key="k", request_hash="f")
    run = Counter()

    with pytest.raises(IdempotencyError) as refused:
        idempotent_run(scope="s", key="k", fingerprint="f", run=run)

    assert refused.value.code == "idempotency_key_in_progress"
    assert run.calls == 0


def test_an_abandoned_claim_is_taken_over_after_a_while():
    IdempotencyRecord.objects.create(
        scope="s", key="k", request_hash="f", created_at=timezone.now() - timedelta(minutes=10)
    )
    run = Counter()

    result = idempotent_run(scope="s", key="k", fingerprint="f", run=run)

    assert (run.calls, result.status, result.replayed) == (1, 201, False)
    assert IdempotencyRecord.objects.get().response_status == 201


@pytest.mark.parametrize("status", [400, 404, 409, 422])
def test_refusals_are_not_stored_so_the_key_can_be_retried(status):
    refused = Counter(status=status)
    first = idempotent_run(scope="s", key="k", fingerprint="f", run=refused)
    assert (first.status, first.replayed) == (status, False)
    assert not IdempotencyRecord.objects.exists()

    works = Counter()
    second = idempotent_run(scope="s", key="k", fingerprint="f", run=works)
    assert (second.status, works.calls) == (201, 1)


def test_an_exception_drops_the_claim():
    def boom() -> tuple[int, object]:
        raise RuntimeError("crash")

    with pytest.raises(RuntimeError):
        idempotent_run(scope="s", key="k", fingerprint="f", run=boom)

    assert not IdempotencyRecord.objects.exists()


def test_stored_bodies_are_plain_json():
    now = timezone.now()

    result = idempotent_run(
        scope="s", key="k", fingerprint="f", run=lambda: (200, {"at": now, "n": 1})
    )

    expected = {"at": DjangoJSONEncoder().default(now), "n": 1}
    assert result.body == expected
    assert IdempotencyRecord.objects.get().response_body == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(None, None), ("abc", "abc"), ("  7f0c-11  ", "7f0c-11"), ("x" * 120, "x" * 120)],
)
def test_key_cleaning(raw, expected):
    assert idempotency_key_clean(raw) == expected


@pytest.mark.parametrize("raw", ["", "   ", "x" * 121, "has space", "नमस्ते", "tab\there"])
def test_malformed_keys_are_refused(raw):
    with pytest.raises(IdempotencyError) as refused:
        idempotency_key_clean(raw)
    assert refused.value.code == "idempotency_key_invalid"


def test_purge_keeps_recent_answers():
    now = timezone.now()
    IdempotencyRecord.objects.create(scope="s", key="old", request_hash="f", response_status=201,
                                     created_at=now - timedelta(days=8))  # fmt: skip
    IdempotencyRecord.objects.create(scope="s", key="new", request_hash="f", response_status=201,
                                     created_at=now - timedelta(days=1))  # fmt: skip

    with time_machine.travel(now, tick=False):
        assert idempotency_records_purge() == 1

    assert list(IdempotencyRecord.objects.values_list("key", flat=True)) == ["new"]


@pytest.mark.django_db(transaction=True)
def test_two_requests_at_once_with_one_key_run_once():
    if connection.vendor == "sqlite":
        pytest.skip("SQLite serialises writers; the race needs row locks (PostgreSQL)")
    barrier = threading.Barrier(2)
    calls: list[int] = []
    outcomes: list[str] = []

    def run() -> tuple[int, dict[str, int]]:
        calls.append(1)
        return 201, {"n": len(calls)}

    def attempt() -> None:
        barrier.wait()
        try:
            result = idempotent_run(scope="s", key="race", fingerprint="f", run=run)
            outcomes.append("replayed" if result.replayed else "ran")
        except IdempotencyError as error:
            outcomes.append(error.code)
        finally:
            connection.close()

    threads = [threading.Thread(target=attempt) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(calls) == 1
    assert sorted(outcomes) in (
        ["ran", "replayed"],
        ["idempotency_key_in_progress", "ran"],
    )
