"""Indian financial years (1 April – 31 March) and their quarters (Q1 = April–June)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone


@dataclass(frozen=True)
class FinancialYear:
    start_year: int  # FY 2026-27 starts on 1 April 2026

    @classmethod
    def of(cls, on: date) -> FinancialYear:
        return cls(on.year if on.month >= 4 else on.year - 1)

    @classmethod
    def parse(cls, text: str) -> FinancialYear | None:
        """'2026-27' (or '2026') → FY 2026-27; anything else → None."""
        head = (text or "").strip()[:4]
        if len(head) == 4 and head.isdigit() and 2000 <= int(head) <= 2100:
            return cls(int(head))
        return None

    def __str__(self) -> str:
        return f"{self.start_year}-{(self.start_year + 1) % 100:02d}"

    @property
    def starts_on(self) -> date:
        return date(self.start_year, 4, 1)

    @property
    def ends_before(self) -> date:
        return date(self.start_year + 1, 4, 1)

    @property
    def previous(self) -> FinancialYear:
        return FinancialYear(self.start_year - 1)

    @property
    def next(self) -> FinancialYear:
        return FinancialYear(self.start_year + 1)


def local_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def quarter_label(first_day: date) -> str:
    """'Q1 2026-27' for the quarter starting on 1 April 2026; 'Q4 2026-27' for 1 January 2027."""
    fy = FinancialYear.of(first_day)
    number = ((first_day.month - 4) % 12) // 3 + 1
    return f"Q{number} {fy}"


def shift_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    return date(day.year + index // 12, index % 12 + 1, 1)
