"""Deadline arithmetic for retention: ISO-8601 durations and municipal document classes.

Written by hand because the durations a retention schedule needs are calendar
durations (``P5Y`` must land on the same day five years later, not 1,826 days
later) and neither the standard library nor an installed dependency adds
years and months to a date; ``isodate``/``dateutil`` would be a new dependency
for twenty lines. Time parts (``PT12H``) are refused: retention is counted in
days, and a schedule that needs hours is a typo.

Every function takes the instant it counts from (``created``) explicitly.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

#: The retention classes of a Japanese municipal document schedule (文書保存年限), in years.
DOCUMENT_CLASSES: tuple[int, ...] = (1, 3, 5, 10, 30)

_DURATION = re.compile(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?")


@dataclass(frozen=True, slots=True, order=True)
class Duration:
    """A calendar duration: years and months move the calendar, days count days."""

    years: int = 0
    months: int = 0
    days: int = 0

    @property
    def is_zero(self) -> bool:
        return self.years == 0 and self.months == 0 and self.days == 0

    def add_to(self, instant: datetime) -> datetime:
        """``instant`` moved forward; a 29 February that does not exist becomes the 28th."""
        month_index = instant.month - 1 + self.months + 12 * self.years
        year = instant.year + month_index // 12
        month = month_index % 12 + 1
        day = min(instant.day, calendar.monthrange(year, month)[1])
        return instant.replace(year=year, month=month, day=day) + timedelta(days=self.days)

    def iso(self) -> str:
        units = ((self.years, "Y"), (self.months, "M"), (self.days, "D"))
        parts = [f"{v}{u}" for v, u in units if v]
        return "P" + ("".join(parts) if parts else "0D")

    def __str__(self) -> str:
        return self.iso()


def parse_duration(text: str) -> Duration:
    """Parse ``P1Y``, ``P3Y6M``, ``P30D``, ``P2W``, ``P0D``; raise ValueError otherwise."""
    match = _DURATION.fullmatch(text.strip()) if isinstance(text, str) else None
    if match is None or text.strip() == "P":
        raise ValueError(
            "not an ISO-8601 date duration (expected e.g. P5Y, P6M, P30D, P0D; "
            "time parts such as PT1H are not accepted)"
        )
    years, months, weeks, days = (int(g) if g else 0 for g in match.groups())
    return Duration(years=years, months=months, days=days + 7 * weeks)


def next_first_of_april(created: datetime) -> datetime:
    """The 1 April that starts the fiscal year after the one ``created`` falls in.

    Municipal schedules count retention from 翌年度の4月1日: a note of
    2026-05-10 (FY2026) is counted from 2027-04-01, a note of 2026-03-10
    (FY2025) from 2026-04-01, and a note of 2026-04-01 itself from 2027-04-01.
    The time of day and time zone of ``created`` are kept (midnight).
    """
    year = created.year + 1 if created.month >= 4 else created.year
    return created.replace(year=year, month=4, day=1, hour=0, minute=0, second=0, microsecond=0)


def deadline(created: datetime, period: Duration, *, from_next_april: bool = False) -> datetime:
    """When something created at ``created`` and kept for ``period`` must be gone."""
    start = next_first_of_april(created) if from_next_april else created
    return period.add_to(start)


def never_longer(inner: Duration, outer: Duration) -> bool:
    """True when ``inner`` ends no later than ``outer`` from every starting day.

    Months have 28 to 31 days, so ``P1M`` against ``P30D`` depends on the
    start; checking every day of a leap and a common year covers all cases.
    """
    start = datetime(2023, 1, 1)
    for offset in range(366 * 2):
        day = start + timedelta(days=offset)
        if inner.add_to(day) > outer.add_to(day):
            return False
    return True
