"""`redactor ingest | sweep | audit | keys` end to end on the dev notes (SQLite, fake analyzer)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from datafiles import DEV_NOTES, load_dev_notes
from typer.testing import CliRunner

from redactor.cli import app, store_cmd
from redactor.entities import Entity

POLICY = Path(__file__).resolve().parents[2] / "policies" / "default.yaml"


class GoldAnalyzer:
    """Answers with the gold spans of the dev notes: the store is tested, not the model."""

    def __init__(self) -> None:
        self.gold = {n["text"]: n["spans"] for n in load_dev_notes()}

    def analyze(self, text: str) -> list[Entity]:
        return [
            Entity(s["start"], s["end"], s["label"], 0.99, "gold") for s in self.gold.get(text, [])
        ]


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("REDACTOR_DB_URL", f"sqlite:///{tmp_path / 'db.sqlite'}")
    monkeypatch.setenv("REDACTOR_KEYRING", str(tmp_path / "keys" / "keyring.json"))
    monkeypatch.setattr(store_cmd, "ANALYZER_FACTORY", GoldAnalyzer)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_when_dev_notes_ingested_swept_and_audited_then_clean_and_shredded(env: Path) -> None:
    shutil.copy(DEV_NOTES, env / "notes.jsonl")
    code, out = _run(
        "ingest",
        "--input",
        "notes.jsonl",
        "--policy",
        str(POLICY),
        "--now",
        "2025-04-01T09:00:00+09:00",
    )
    assert code == 0, out
    assert "stored 120 record(s); 0 already present" in out
    assert (os.stat(env / "keys" / "keyring.json").st_mode & 0o777) == 0o600
    code, out = _run("ingest", "--input", "notes.jsonl", "--policy", str(POLICY))
    assert "stored 0 record(s); 120 already present" in out  # idempotent per note id
    code, out = _run(
        "audit", "--now", "2025-04-02T00:00:00+09:00", "--format", "json", "--policy", str(POLICY)
    )
    report = json.loads(out)
    assert code == 0 and report["clean"] and report["records"] == 120, out
    raw = (env / "db.sqlite").read_bytes()
    for note in load_dev_notes():
        for s in note["spans"]:
            value = note["text"][s["start"] : s["end"]].encode()
            assert len(value) < 5 or value not in raw
    code, out = _run("sweep", "--now", "2100-01-01T00:00:00+00:00")
    assert code == 0 and out.startswith("shredded ")
    code, out = _run("sweep", "--now", "2100-01-01T00:00:00+00:00")
    assert out.startswith("shredded 0 key(s)")
    code, out = _run(
        "audit", "--now", "2100-01-01T00:00:00+00:00", "--format", "json", "--policy", str(POLICY)
    )
    report = json.loads(out)
    assert code == 0 and report["shreds_logged"] >= 120, out
    code, out = _run("keys", "rotate", "--now", "2100-01-01T00:00:00+00:00")
    assert code == 0 and "primary key k2; re-wrapped 0" in out
    code, out = _run("keys", "retire", "k1")
    assert code == 0, out


def test_when_audit_finds_problems_then_exit_1(env: Path) -> None:
    (env / "notes.jsonl").write_text(json.dumps({"id": "x", "text": "電話 090-1234-5678"}) + "\n")
    assert (
        _run(
            "ingest",
            "--input",
            "notes.jsonl",
            "--policy",
            str(POLICY),
            "--now",
            "2025-04-01T00:00:00+00:00",
        )[0]
        == 0
    )
    code, out = _run("audit", "--now", "2200-01-01T00:00:00+00:00", "--policy", str(POLICY))
    assert code == 1 and "past_deadline" in out and "090-1234-5678" not in out


def test_when_old_records_are_bound_then_audit_clean_and_a_second_bind_is_a_no_op(
    env: Path,
) -> None:
    from sqlalchemy import update

    from redactor.store import make_engine
    from redactor.store.models import Record

    (env / "notes.jsonl").write_text(json.dumps({"id": "x", "text": "電話 090-1234-5678"}) + "\n")
    assert (
        _run(
            "ingest",
            "--input",
            "notes.jsonl",
            "--policy",
            str(POLICY),
            "--now",
            "2025-04-01T00:00:00+00:00",
        )[0]
        == 0
    )
    engine = make_engine(f"sqlite:///{env / 'db.sqlite'}")
    with engine.begin() as conn:  # as a row stored before migration 0004 is
        conn.execute(update(Record).values(meta_mac=None, meta_mac_key_id=None))
    engine.dispose()
    audit = ("audit", "--now", "2025-04-02T00:00:00+00:00", "--policy", str(POLICY))
    code, out = _run(*audit)
    assert code == 1 and "- unbound record" in out and "(meta_mac)" in out
    code, out = _run("store", "bind", "--now", "2025-04-02T00:00:00+00:00")
    assert (code, out.strip()) == (0, "bound 1 record(s); 0 refused")
    assert _run(*audit)[0] == 0
    assert _run("store", "bind")[1].strip() == "bound 0 record(s); 0 refused"
    assert "090-1234-5678" not in out


@pytest.mark.parametrize(
    ("args", "message"),
    [(("keys", "rotate"), "no keyring"), (("keys", "retire", "k9"), "no keyring")],
)
def test_when_keyring_missing_then_refused(env: Path, args: tuple[str, ...], message: str) -> None:
    code, out = _run(*args)
    assert code == 2 and message in out


def test_when_keys_init_twice_then_second_refused(env: Path) -> None:
    assert _run("keys", "init")[0] == 0
    code, out = _run("keys", "init")
    assert code == 2 and "already exists" in out
    os.chmod(env / "keys" / "keyring.json", 0o644)
    assert _run("keys", "rotate")[0] == 2


def test_when_only_a_data_dir_is_configured_then_the_cli_uses_the_services_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The CLI reads the service's settings: both open the same keyring and database."""
    monkeypatch.delenv("REDACTOR_KEYRING", raising=False)
    monkeypatch.delenv("REDACTOR_DB_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REDACTOR_DATA_DIR", str(tmp_path / "data"))
    code, out = _run("keys", "init")
    assert code == 0, out
    assert (tmp_path / "data" / "keyring.json").exists()
    assert not (tmp_path / "var").exists()
    code, out = _run("sweep", "--now", "2030-01-01T00:00:00+09:00")
    assert code == 0, out
    assert (tmp_path / "data" / "redactor.db").exists()


def test_when_a_setting_is_invalid_then_the_cli_names_it_without_its_value(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("REDACTOR_ENV", "staging-secret-value")
    code, out = _run("sweep")
    assert code == 2
    assert "env" in out and "staging-secret-value" not in out


def test_when_ingest_meets_malformed_lines_then_it_reports_their_numbers_and_stores_the_rest(
    env: Path,
) -> None:
    good = {"id": "a", "text": "電話 090-1234-5678"}
    secret = '{"id": "b", "text": "山田太郎 090-9999-8888"'  # truncated: not JSON
    lines = [
        json.dumps(good, ensure_ascii=False),
        secret,
        '{"text": "no id"}',
        json.dumps({"id": "c", "text": "住所 大阪市"}, ensure_ascii=False),
    ]
    (env / "notes.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = _run("ingest", "--input", "notes.jsonl", "--policy", str(POLICY))
    assert code == 1
    assert "line 2:" in out and "line 3:" in out and "stored 2 record(s)" in out, out
    assert "山田太郎" not in out and "090-9999-8888" not in out
    (env / "notes.jsonl").write_text(
        json.dumps({"id": "a", "text": "別の電話"}, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    code, out = _run("ingest", "--input", "notes.jsonl", "--policy", str(POLICY))
    assert code == 1 and "line 1: id a was stored before" in out, out
