"""`redactor analyze` and `redactor eval` as an operator runs them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from redactor.cli import analyze_cmd, app

runner = CliRunner()


@pytest.fixture
def cli_analyzer(analyzer: Any, monkeypatch: pytest.MonkeyPatch) -> Any:
    monkeypatch.setattr(analyze_cmd, "build_analyzer", lambda: analyzer)
    return analyzer


@pytest.mark.slow
def test_when_notes_are_analyzed_then_one_line_per_note_in_order(
    cli_analyzer: Any, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.jsonl"
    notes.write_text(
        '{"id": "a", "text": "電話は090-1234-5678です", "extra": 1}\n'
        '{"id": 7, "text": "特になし"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["analyze", "--input", str(notes), "--output", str(out)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "7"]
    phone = [e for e in rows[0]["entities"] if e["label"] == "PHONE_NUMBER"]
    assert [(e["start"], e["end"]) for e in phone] == [(3, 16)]
    assert set(phone[0]) == {"start", "end", "label", "score", "recognizer"}
    assert rows[1]["entities"] == []


@pytest.mark.slow
def test_when_a_line_is_malformed_then_its_number_is_reported_and_the_rest_is_kept(
    cli_analyzer: Any, tmp_path: Path
) -> None:
    secret = "山田太郎 090-9999-0000"
    notes = tmp_path / "notes.jsonl"
    notes.write_text(
        '{"id": "a", "text": "特になし"}\n'
        '{"id": "b", "text": "' + secret + '"\n'  # truncated JSON
        '{"id": "c"}\n'
        '{"id": "d", "text": "以上"}\n',
        encoding="utf-8",
    )
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["analyze", "--input", str(notes), "--output", str(out)])
    assert result.exit_code == 1
    assert "line 2" in result.output and "line 3" in result.output
    assert secret not in result.output and "山田" not in result.output
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", "d"]


def test_when_eval_reads_predictions_then_it_prints_every_label_and_the_leak(
    tmp_path: Path,
) -> None:
    gold = tmp_path / "gold.jsonl"
    pred = tmp_path / "pred.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "x",
                "text": "t",
                "spans": [
                    {"start": 0, "end": 4, "label": "PERSON"},
                    {"start": 6, "end": 18, "label": "MY_NUMBER"},
                ],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    pred.write_text(
        json.dumps({"id": "x", "entities": [{"start": 0, "end": 4, "label": "PERSON"}]}) + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["eval", "--gold", str(gold), "--pred", str(pred), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["PERSON"]["leak"] == 0.0
    assert report["MY_NUMBER"]["leak"] == 1.0
    assert report["TOTAL"]["leak"] == 0.5
