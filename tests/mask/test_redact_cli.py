"""`redactor redact`: JSONL in and out, atomic output, malformed lines reported by number."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from datafiles import DEV_NOTES, REPO
from mask_support import read_dev_notes
from typer.testing import CliRunner

from redactor.cli import app

runner = CliRunner()
DEFAULT = str(REPO / "policies" / "default.yaml")


def _lines(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _write(path: Path, rows: list[object]) -> Path:
    path.write_text(
        "".join(
            (r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows
        ),
        encoding="utf-8",
    )
    return path


def test_dev_notes_with_gold_entities_leave_no_gold_text(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app,
        [
            "redact",
            "--input",
            str(DEV_NOTES),
            "--output",
            str(out),
            "--policy",
            DEFAULT,
            "--entities",
            str(DEV_NOTES),
            "--now",
            "2026-11-28",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = _lines(out)
    notes = read_dev_notes()
    assert [r["id"] for r in rows] == [n["id"] for n in notes]
    for row, note in zip(rows, notes, strict=True):
        assert set(row) == {"id", "text", "entities", "policy"}
        assert row["policy"] == {"name": "city-default", "version": "1.0.0"}
        assert len(row["entities"]) == len(note["spans"])  # type: ignore[arg-type]
        for span in note["spans"]:
            assert note["text"][span["start"] : span["end"]] not in row["text"]  # type: ignore[operator]


def test_stdin_to_stdout(tmp_path: Path) -> None:
    entities = _write(
        tmp_path / "e.jsonl",
        [
            {
                "id": "n1",
                "entities": [
                    {"start": 0, "end": 4, "label": "PERSON", "score": 0.9, "recognizer": "x"}
                ],
            }
        ],
    )
    result = runner.invoke(
        app,
        [
            "redact",
            "-i",
            "-",
            "-o",
            "-",
            "-p",
            str(REPO / "policies" / "strict.yaml"),
            "--entities",
            str(entities),
        ],
        input=json.dumps({"id": "n1", "text": "山田太郎です"}, ensure_ascii=False) + "\n",
    )
    assert result.exit_code == 0
    row = json.loads(result.stdout)
    assert row["text"] == "<PERSON>です"
    assert row["policy"]["name"] == "city-strict"


def test_malformed_lines_are_reported_by_number_and_the_rest_is_written(tmp_path: Path) -> None:
    notes = _write(
        tmp_path / "in.jsonl",
        [
            {"id": "a", "text": "山田太郎です"},
            "{not json 山田太郎",
            {"id": "b"},
            {"id": "c", "text": "鈴木です"},
            {"id": "d", "text": "短い"},
        ],
    )
    entities = _write(
        tmp_path / "e.jsonl",
        [
            {"id": "a", "entities": [{"start": 0, "end": 4, "label": "PERSON"}]},
            {"id": "c", "entities": [{"start": 0, "end": 2, "label": "PERSON"}]},
            {"id": "d", "entities": [{"start": 0, "end": 9, "label": "PERSON"}]},  # past the text
        ],
    )
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app,
        ["redact", "-i", str(notes), "-o", str(out), "-p", DEFAULT, "--entities", str(entities)],
    )
    assert result.exit_code == 1
    assert "line 2" in result.stderr and "line 3" in result.stderr and "line 5" in result.stderr
    assert "山田" not in result.stderr and "短い" not in result.stderr
    assert [r["id"] for r in _lines(out)] == ["a", "c"]


def test_a_note_without_given_entities_is_an_error(tmp_path: Path) -> None:
    notes = _write(tmp_path / "in.jsonl", [{"id": "zz", "text": "山田太郎です"}])
    entities = _write(tmp_path / "e.jsonl", [{"id": "other", "entities": []}])
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app,
        ["redact", "-i", str(notes), "-o", str(out), "-p", DEFAULT, "--entities", str(entities)],
    )
    assert result.exit_code == 1
    assert "line 1" in result.stderr
    assert _lines(out) == []


@pytest.mark.parametrize("policy", ["MYNUMBER-RETAINED.yaml", "not-yaml.txt"])
def test_a_refused_policy_writes_nothing(tmp_path: Path, policy: str) -> None:
    notes = _write(tmp_path / "in.jsonl", [{"id": "a", "text": "x"}])
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app,
        [
            "redact",
            "-i",
            str(notes),
            "-o",
            str(out),
            "-p",
            str(REPO / "tests" / "fixtures" / "policies" / policy),
        ],
    )
    assert result.exit_code == 2
    assert not out.exists()
    assert list(tmp_path.iterdir()) == [notes]  # no temporary file left behind either


def test_caller_field_links_one_callers_notes_only(tmp_path: Path) -> None:
    notes = _write(
        tmp_path / "in.jsonl",
        [
            {"id": "1", "text": "山田太郎です", "caller": "c-1"},
            {"id": "2", "text": "山田太郎です", "caller": "c-1"},
            {"id": "3", "text": "山田太郎です", "caller": "c-2"},
        ],
    )
    span = [{"start": 0, "end": 4, "label": "PERSON"}]
    entities = _write(tmp_path / "e.jsonl", [{"id": i, "entities": span} for i in "123"])
    out = tmp_path / "out.jsonl"
    result = runner.invoke(
        app,
        [
            "redact",
            "-i",
            str(notes),
            "-o",
            str(out),
            "-p",
            DEFAULT,
            "--entities",
            str(entities),
            "--caller-field",
            "caller",
        ],
    )
    assert result.exit_code == 0, result.output
    first, second, third = (str(r["text"]) for r in _lines(out))
    assert re.fullmatch(r"<PERSON_[0-9a-f]{4}>です", first)
    assert first == second != third


def test_gold_file_with_bad_entities_is_refused(tmp_path: Path) -> None:
    notes = _write(tmp_path / "in.jsonl", [{"id": "a", "text": "x"}])
    entities = _write(tmp_path / "e.jsonl", [{"id": "a", "entities": [{"start": 3}]}])
    result = runner.invoke(
        app,
        [
            "redact",
            "-i",
            str(notes),
            "-o",
            str(tmp_path / "o.jsonl"),
            "-p",
            DEFAULT,
            "--entities",
            str(entities),
        ],
    )
    assert result.exit_code == 2
    assert "line 1" in result.stderr
