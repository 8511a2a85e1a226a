"""The evaluation arithmetic: exact and overlap scores, and the leak rate."""

from __future__ import annotations

import pytest

from redactor.evaluate import evaluate


def _one(gold: list[tuple[int, int, str]], pred: list[tuple[int, int, str]]):  # type: ignore[no-untyped-def]
    return evaluate({"d": gold}, {"d": pred})


def test_when_prediction_equals_gold_then_everything_is_perfect() -> None:
    report = _one([(0, 4, "PERSON")], [(0, 4, "PERSON")])
    s = report.labels["PERSON"]
    assert (s.exact_p, s.exact_r, s.overlap_f1, s.leak) == (1.0, 1.0, 1.0, 0.0)


def test_when_prediction_covers_part_of_gold_then_it_overlaps_but_leaks() -> None:
    s = _one([(0, 10, "ADDRESS")], [(0, 6, "ADDRESS")]).labels["ADDRESS"]
    assert s.exact_tp == 0
    assert s.overlap_r == 1.0
    assert s.leak == 1.0


def test_when_adjacent_predictions_cover_gold_together_then_nothing_leaks() -> None:
    s = _one([(0, 10, "ADDRESS")], [(0, 5, "ADDRESS"), (5, 10, "ADDRESS")]).labels["ADDRESS"]
    assert s.leak == 0.0


def test_when_prediction_has_another_label_then_gold_leaks() -> None:
    report = _one([(0, 12, "MY_NUMBER")], [(0, 12, "PHONE_NUMBER")])
    assert report.labels["MY_NUMBER"].leak == 1.0
    assert report.labels["PHONE_NUMBER"].overlap_p == 0.0


@pytest.mark.parametrize(
    ("gold", "pred", "leak"),
    [
        ([(0, 3, "PERSON"), (5, 8, "PERSON")], [(0, 3, "PERSON")], 0.5),
        ([(0, 3, "PERSON")], [(0, 8, "PERSON")], 0.0),
        ([(2, 6, "PERSON")], [(0, 3, "PERSON"), (4, 8, "PERSON")], 1.0),
    ],
)
def test_leak_rate_table(gold, pred, leak) -> None:  # type: ignore[no-untyped-def]
    assert _one(gold, pred).total.leak == leak


def test_when_gold_rows_carry_a_style_then_each_style_is_scored_apart() -> None:
    from redactor.evaluate import evaluate_by_style, format_style_table

    rows = [
        {"id": "a", "style": "transcript", "spans": [{"start": 0, "end": 2, "label": "PERSON"}]},
        {"id": "b", "style": "no_pii", "spans": []},
        {"id": "c", "style": "no_pii", "spans": []},
    ]
    pred = {"a": [], "b": [(0, 1, "PERSON")], "c": []}
    reports = evaluate_by_style(rows, pred)
    assert set(reports) == {"transcript", "no_pii"}
    assert reports["transcript"].total.leak == 1.0
    assert (reports["no_pii"].pii_free_docs, reports["no_pii"].pii_free_flagged) == (2, 1)
    table = format_style_table(reports)
    assert "1 of 2" in table.splitlines()[-1]
