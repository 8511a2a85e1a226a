"""Deadline arithmetic: ISO-8601 date durations, fiscal-year starts, document classes."""

from __future__ import annotations

from datetime import datetime

import pytest

from redactor.policy.retention import (
    Duration,
    deadline,
    never_longer,
    next_first_of_april,
    parse_duration,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("P1Y", Duration(years=1)),
        ("P30Y", Duration(years=30)),
        ("P3Y6M", Duration(years=3, months=6)),
        ("P30D", Duration(days=30)),
        ("P2W", Duration(days=14)),
        ("P0D", Duration()),
        ("P1Y2M3D", Duration(1, 2, 3)),
    ],
)
def test_when_valid_duration_then_parsed(text: str, expected: Duration) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text",
    ["", "P", "1Y", "P1", "PT1H", "P1DT2H", "-P1D", "P1.5Y", "P1D1Y", "p1y", "P 1Y", "P1Y junk"],
)
def test_when_malformed_duration_then_refused(text: str) -> None:
    with pytest.raises(ValueError, match="ISO-8601"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("created", "start"),
    [
        (datetime(2026, 5, 10, 9, 30), datetime(2027, 4, 1)),
        (datetime(2026, 4, 1), datetime(2027, 4, 1)),
        (datetime(2026, 3, 31, 23, 59), datetime(2026, 4, 1)),
        (datetime(2026, 1, 1), datetime(2026, 4, 1)),
        (datetime(2026, 12, 31), datetime(2027, 4, 1)),
    ],
)
def test_next_first_of_april_is_the_start_of_the_next_fiscal_year(
    created: datetime, start: datetime
) -> None:
    assert next_first_of_april(created) == start


@pytest.mark.parametrize(
    ("created", "period", "from_april", "expected"),
    [
        (datetime(2026, 5, 10), "P5Y", True, datetime(2032, 4, 1)),
        (datetime(2026, 5, 10), "P5Y", False, datetime(2031, 5, 10)),
        (datetime(2024, 2, 29), "P1Y", False, datetime(2025, 2, 28)),
        (datetime(2026, 1, 31), "P1M", False, datetime(2026, 2, 28)),
        (datetime(2026, 12, 25), "P30D", False, datetime(2027, 1, 24)),
        (datetime(2026, 5, 10), "P0D", False, datetime(2026, 5, 10)),
    ],
)
def test_deadline(created: datetime, period: str, from_april: bool, expected: datetime) -> None:
    assert deadline(created, parse_duration(period), from_next_april=from_april) == expected


@pytest.mark.parametrize(
    ("inner", "outer", "expected"),
    [
        ("P1Y", "P1Y", True),
        ("P0D", "P1Y", True),
        ("P11M", "P1Y", True),
        ("P365D", "P1Y", True),
        ("P366D", "P1Y", False),  # a common year has 365 days
        ("P1Y", "P365D", False),  # a leap year has 366
        ("P30D", "P1M", False),  # February
        ("P1M", "P30D", False),  # 31-day months
        ("P28D", "P1M", True),
    ],
)
def test_never_longer(inner: str, outer: str, expected: bool) -> None:
    assert never_longer(parse_duration(inner), parse_duration(outer)) is expected


def test_duration_prints_as_iso() -> None:
    assert str(parse_duration("P3Y6M")) == "P3Y6M"
    assert str(parse_duration("P0D")) == "P0D"
