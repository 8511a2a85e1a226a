"""field_window: the label nearest a value, on its own line, decides its context."""

from __future__ import annotations

import pytest

from recognizers.field_context import FIELD_LABELS, field_window, stop_labels_except


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("被保険者番号：", "被保険者番号："),
        ("被保険者番号：x\n電話：", "："),
        ("基礎年金番号は1、個人番号は", "は"),
        ("年金手帳 電話は", "は"),
    ],
)
def test_window_stops_at_line_breaks_and_foreign_labels(text: str, expected: str) -> None:
    assert field_window(text, len(text), 32, ("個人番号", "電話")) == expected


def test_window_is_never_longer_than_its_size() -> None:
    assert field_window("あ" * 50, 50, 10, ()) == "あ" * 10


def test_a_recognizer_never_stops_at_its_own_label() -> None:
    stops = stop_labels_except("被保険者", "保険証")
    assert "被保険者" not in stops and "保険証" not in stops
    assert "個人番号" in stops and set(stops) < set(FIELD_LABELS)
