"""Recognition on the blind test set (tests/data/blind/README.md), as totals only.

The thresholds hold the figures measured when the set was built (2026-12-02,
dev half leak 13.1 %, test half 15.0 %), so a change that lets more PII through
on notes nobody tuned on fails here. They are far from the issue's targets
(3 % leak); they guard against going back, they do not say the work is done.
The test half is scored only as these totals, never note by note.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from redactor.evaluate import Report, evaluate, spans_by_id

pytestmark = pytest.mark.slow

BLIND = Path(__file__).parent / "data" / "blind"


def _report(analyzer: Any, half: str) -> tuple[Report, list[dict[str, Any]]]:
    rows = [json.loads(line) for line in (BLIND / f"{half}.jsonl").read_text("utf-8").splitlines()]
    found = analyzer.analyze_batch([r["text"] for r in rows])
    pred = {
        r["id"]: [(e.start, e.end, e.label) for e in ents]
        for r, ents in zip(rows, found, strict=True)
    }
    return evaluate(spans_by_id(rows, "spans"), pred), rows


@pytest.fixture(scope="module")
def halves(analyzer: Any) -> dict[str, Report]:
    return {half: _report(analyzer, half)[0] for half in ("dev", "test")}


#: measured 2026-12-08 on 1,055 notes (70 from an eleventh writer, asked for identifiers in
#: every note, scored untuned first: 19.9 % leaked): dev 3.8 %, test 10.8 % (10.9 % when
#: their notes arrived; 9.5 % on the 519 test notes before them)
@pytest.mark.parametrize(("half", "max_leak"), [("dev", 0.042), ("test", 0.112)])
def test_blind_leak_stays_at_or_below_what_was_measured(
    halves: dict[str, Report], half: str, max_leak: float
) -> None:
    assert halves[half].total.leak <= max_leak


@pytest.mark.parametrize("half", ["dev", "test"])
def test_blind_overlap_precision_stays_at_or_above_what_was_measured(
    halves: dict[str, Report], half: str
) -> None:
    # measured: dev 0.972, test 0.941
    assert halves[half].total.overlap_p >= 0.935


def test_no_my_number_false_positive_on_the_blind_set(halves: dict[str, Report]) -> None:
    for report in halves.values():
        score = report.labels.get("MY_NUMBER")
        assert score is None or score.overlap_tp_pred == score.pred


def test_pii_free_blind_notes_are_almost_never_flagged(halves: dict[str, Report]) -> None:
    free = sum(r.pii_free_docs for r in halves.values())
    flagged = sum(r.pii_free_flagged for r in halves.values())
    assert free >= 20
    # measured: 13 of 144 (two are city desks' phone numbers the sixth writer's brief left
    # unmarked, which LABELS.md counts as phone numbers: tests/data/blind/README.md)
    assert flagged / free <= 0.095
