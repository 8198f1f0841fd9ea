from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from odopmart.core import periodic
from odopmart.core.periodic import DAILY_STEPS, MINUTE_STEPS, Step, periodic_run


@pytest.mark.django_db
def test_every_minute_and_daily_step_runs_on_an_empty_marketplace() -> None:
    assert set(periodic_run(MINUTE_STEPS).values()) == {"ok"}
    assert set(periodic_run(DAILY_STEPS).values()) == {"ok"}


def test_a_failing_step_does_not_stop_the_others() -> None:
    ran: list[str] = []

    def broken() -> None:
        raise RuntimeError("provider down")

    outcome = periodic_run((Step("first", broken), Step("second", lambda: ran.append("second"))))
    assert outcome == {"first": "RuntimeError: provider down", "second": "ok"}
    assert ran == ["second"]


def test_the_command_fails_when_a_step_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise RuntimeError("provider down")

    from odopmart.core.management.commands import periodic as command

    monkeypatch.setattr(command, "MINUTE_STEPS", (Step("broken", broken),))
    with pytest.raises(CommandError, match="broken"):
        call_command("periodic")
    assert periodic.MINUTE_STEPS  # the real steps are untouched
