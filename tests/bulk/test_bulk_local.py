"""`redactor bulk import | reredact | rescan` on the local engine (SQLite, fake analyzers)."""

from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from bulkkit import (
    NOW,
    POLICY,
    STRICT,
    BlindAnalyzer,
    GoldAnalyzer,
    notes,
    stored,
    write_jsonl,
)
from datafiles import DEV_NOTES, load_dev_notes
from typer.testing import CliRunner

from redactor.bulk.jobs import IMPORT, JobSpec
from redactor.bulk.run import EngineOptions, run_import
from redactor.cli import app, store_cmd
from redactor.entities import Entity
from redactor.policy import load_policy
from redactor.service import open_keys, redact
from redactor.settings import Settings
from redactor.store import open_store


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REDACTOR_DB_URL", f"sqlite:///{tmp_path / 'db.sqlite'}")
    monkeypatch.setenv("REDACTOR_KEYRING", str(tmp_path / "keys" / "keyring.json"))
    monkeypatch.setenv("REDACTOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(store_cmd, "ANALYZER_FACTORY", GoldAnalyzer)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def _keys() -> Any:
    return open_keys(Settings())


def _summary(out: str) -> str:
    return next(line for line in out.splitlines() if line.startswith("bulk "))


MALFORMED = [b'{"id": "bad-1", "text": ', '{"text": "大野美穂"}'.encode(),
             b"\xff\xfe not utf-8", b"[1, 2]"]


def test_when_notes_imported_then_stored_and_malformed_lines_named_by_number_only(
        env: Path) -> None:
    path = write_jsonl(env / "notes.jsonl", notes(40), MALFORMED)
    code, out = _run("bulk", "import", "--input", str(path), "--policy", str(POLICY),
                     "--now", NOW, "--batch-size", "7")
    assert code == 1, out  # malformed lines make the exit code 1, never stop the run
    assert "read 44; stored 40; skipped 0 duplicate(s); malformed 4; failures 0" in out
    for number in (41, 42, 43, 44):
        assert f"notes.jsonl: line {number}: " in out
    assert "大野美穂" not in out and "bad-1" not in out  # no content, not even the id
    assert len(stored(f"sqlite:///{env / 'db.sqlite'}", _keys())) == 40


def test_when_imported_twice_then_the_second_run_stores_nothing(env: Path) -> None:
    path = write_jsonl(env / "notes.jsonl", notes(30))
    assert _run("bulk", "import", "--input", str(path), "--policy", str(POLICY))[0] == 0
    first = stored(f"sqlite:///{env / 'db.sqlite'}", _keys())
    code, out = _run("bulk", "import", "--input", str(path), "--policy", str(POLICY))
    assert code == 0 and "stored 0; skipped 30 duplicate(s)" in _summary(out), out
    assert stored(f"sqlite:///{env / 'db.sqlite'}", _keys()) == first


def test_when_imported_then_records_match_ingest_and_an_ingest_after_stores_nothing(
        env: Path) -> None:
    rows = notes(50)
    path = write_jsonl(env / "notes.jsonl", rows)
    assert _run("ingest", "--input", str(path), "--policy", str(POLICY), "--now", NOW)[0] == 0
    ingested = stored(f"sqlite:///{env / 'db.sqlite'}", _keys())
    (env / "db.sqlite").rename(env / "ingested.sqlite")
    code, out = _run("bulk", "import", "--input", str(path), "--policy", str(POLICY),
                     "--now", NOW, "--batch-size", "8")
    assert code == 0, out
    bulk = stored(f"sqlite:///{env / 'db.sqlite'}", _keys())
    assert bulk == ingested and len(bulk) == 50
    assert any(r["originals"] for r in bulk.values())  # pseudonyms and vault compared too
    code, out = _run("ingest", "--input", str(path), "--policy", str(POLICY), "--now", NOW)
    assert "stored 0 record(s); 50 already present" in out


def test_when_a_directory_of_plain_and_gzip_files_then_every_note_imported(env: Path) -> None:
    rows = notes(25)
    (env / "in").mkdir()
    write_jsonl(env / "in" / "a.jsonl", rows[:10])
    with gzip.open(env / "in" / "b.jsonl.gz", "wb") as fh:
        fh.write(b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in rows[10:]))
    (env / "in" / "ignored.txt").write_text("not notes")
    code, out = _run("bulk", "import", "--input-dir", str(env / "in"), "--policy", str(POLICY))
    assert code == 0 and "read 25; stored 25" in _summary(out), out


class Stop(BaseException):
    """Stands for the run being killed (not an Exception: nothing inside catches it)."""


class StoppingAnalyzer(GoldAnalyzer):
    def __init__(self, after: int) -> None:
        super().__init__()
        self.after = after
        self.seen = 0

    def analyze(self, text: str) -> list[Entity]:
        self.seen += 1
        if self.seen > self.after:
            raise Stop
        return super().analyze(text)


def test_when_a_stopped_run_is_resumed_then_it_continues_past_what_it_wrote(env: Path) -> None:
    path = write_jsonl(env / "notes.jsonl", notes(60), [b"{oops"])
    spec = JobSpec(IMPORT, _now(), policy=load_policy(POLICY), batch_size=10)
    store = open_store(Settings().database_url)
    keys = open_keys(Settings(), create=True, now=_now())
    stopping = StoppingAnalyzer(after=25)
    with pytest.raises(Stop):
        run_import([path.resolve()], spec, store=store, keys=keys, factory=lambda: stopping,
                   options=EngineOptions(), marks_dir=env / "marks")
    assert len(stored(Settings().database_url, keys)) == 20  # two whole batches committed
    counting = StoppingAnalyzer(after=10**6)
    summary = run_import([path.resolve()], spec, store=store, keys=keys,
                         factory=lambda: counting, options=EngineOptions(),
                         marks_dir=env / "marks", resume=True)
    assert summary.resumed_from == 20 and counting.seen == 40  # nothing analyzed twice
    assert (summary.stored, summary.duplicates, len(summary.malformed)) == (40, 0, 1)
    assert summary.malformed[0].line == 61
    assert len(stored(Settings().database_url, keys)) == 60
    again = run_import([path.resolve()], spec, store=store, keys=keys, factory=GoldAnalyzer,
                       options=EngineOptions(), marks_dir=env / "marks")
    assert (again.stored, again.duplicates) == (0, 60)  # without --resume: all read, none stored


def _now() -> Any:
    from datetime import datetime

    return datetime.fromisoformat(NOW)


def test_when_reredacted_then_new_records_under_the_policy_replace_the_old(
        env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(DEV_NOTES, env / "notes.jsonl")
    monkeypatch.setattr(store_cmd, "ANALYZER_FACTORY", BlindAnalyzer)  # yesterday's recognizers
    assert _run("ingest", "--input", "notes.jsonl", "--policy", str(POLICY), "--now", NOW)[0] == 0
    monkeypatch.setattr(store_cmd, "ANALYZER_FACTORY", GoldAnalyzer)  # today's
    code, out = _run("bulk", "reredact", "--policy", str(STRICT), "--now", NOW)
    assert code == 0 and "read 120; stored 120" in out and "replaced 120" in out, out
    after = stored(Settings().database_url, _keys())
    strict = load_policy(STRICT)
    expected = sorted(redact(n["text"], strict, entities=[
        Entity(s["start"], s["end"], s["label"], 0.99, "gold") for s in n["spans"]],
        now=_now()).text for n in load_dev_notes())
    assert sorted(r["masked"] for r in after.values()) == expected
    assert {r["policy"] for r in after.values()} == {f"{strict.name}@{strict.version}"}
    code, out = _run("bulk", "reredact", "--policy", str(STRICT), "--now", NOW)
    assert code == 0 and "read 0; stored 0" in out, out  # done once, not again


def test_when_rescanned_then_notes_stored_in_clear_are_named_by_record_id(
        env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    rows = notes(20)
    path = write_jsonl(env / "notes.jsonl", rows)
    assert _run("ingest", "--input", str(path), "--policy", str(POLICY), "--now", NOW)[0] == 0
    code, out = _run("bulk", "rescan")
    assert code == 0 and "clean 20; residual 0" in out, out  # gold masked: nothing left
    (env / "db.sqlite").unlink()
    monkeypatch.setattr(store_cmd, "ANALYZER_FACTORY", BlindAnalyzer)
    assert _run("ingest", "--input", str(path), "--policy", str(POLICY), "--now", NOW)[0] == 0
    monkeypatch.setattr(store_cmd, "ANALYZER_FACTORY", GoldAnalyzer)
    code, out = _run("bulk", "rescan", "--batch-size", "6")
    with_pii = sum(1 for r in rows if GoldAnalyzer().analyze(r["text"]))
    assert code == 1 and f"residual {with_pii}" in out, out
    assert out.count("residual PII: record ") == with_pii
    assert all(r["text"][:6] not in out for r in rows)
