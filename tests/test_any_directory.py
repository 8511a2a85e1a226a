"""Every command gives the same result from any directory: defaults come from the package
(policies) and the per-user data directory (or ``REDACTOR_DATA_DIR``), never from the cwd."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from redactor.cli import app, store_cmd
from redactor.entities import Entity
from redactor.settings import Settings

#: two small notes; their PII is found by pattern, so no model is loaded
NOTES = [
    {"id": "n1", "text": "山田太郎さんから電話 090-1234-5678、粗大ごみの件。"},
    {"id": "n2", "text": "鈴木花子さん（taro.yamada@example.jp）から道路の陥没の連絡。"},
]


class PatternAnalyzer:
    PATTERNS = (
        (r"山田太郎|鈴木花子", "PERSON"),
        (r"0\d{1,3}-\d{2,4}-\d{4}", "PHONE_NUMBER"),
        (r"[a-z.]+@[a-z.]+\.jp", "EMAIL_ADDRESS"),
    )

    def analyze(self, text: str) -> list[Entity]:
        found = [
            Entity(m.start(), m.end(), label, 0.95, "pattern")
            for pattern, label in self.PATTERNS
            for m in re.finditer(pattern, text)
        ]
        return sorted(found, key=lambda e: e.start)


@pytest.fixture
def elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working directory; only REDACTOR_DATA_DIR is set."""
    monkeypatch.setenv("REDACTOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(store_cmd, "ANALYZER_FACTORY", PatternAnalyzer)
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
    monkeypatch.chdir(tmp_path / "a")
    notes = tmp_path / "notes.jsonl"
    notes.write_text(
        "".join(json.dumps(n, ensure_ascii=False) + "\n" for n in NOTES), encoding="utf-8"
    )
    entities = tmp_path / "entities.jsonl"
    finder = PatternAnalyzer()
    entities.write_text(
        "".join(
            json.dumps(
                {"id": n["id"], "entities": [e.to_json() for e in finder.analyze(n["text"])]}
            )
            + "\n"
            for n in NOTES
        )
    )
    return tmp_path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def test_from_a_scratch_directory_every_command_uses_the_shipped_policies_and_the_data_dir(
    elsewhere: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notes = str(elsewhere / "notes.jsonl")
    code, out = _run("keys", "init", "--now", "2025-04-01T00:00:00+00:00")
    assert code == 0, out
    code, out = _run("ingest", "--input", notes, "--now", "2025-04-01T00:00:00+00:00")
    assert code == 0 and "stored 2 record(s)" in out and "city-default@1.0.0" in out, out
    code, out = _run("sweep", "--now", "2025-04-02T00:00:00+00:00")
    assert code == 0, out

    reports = []
    for where in ("a", "b"):
        monkeypatch.chdir(elsewhere / where)
        code, out = _run("audit", "--now", "2025-04-02T00:00:00+00:00", "--format", "json")
        report = json.loads(out)
        assert code == 0 and report["clean"], out
        assert not [f for f in report["findings"] if f["kind"] == "policy_unknown"]
        assert report["records"] == 2 and report["policies"] == ["city-default@1.0.0"]
        reports.append(report)
        code, out = _run(
            "redact",
            "-i",
            notes,
            "-o",
            "-",
            "--entities",
            str(elsewhere / "entities.jsonl"),
            "--now",
            "2025-04-01",
        )
        assert code == 0, out
        rows = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        assert [r["policy"]["name"] for r in rows] == ["city-default", "city-default"]
        reports.append(rows)
    assert reports[0] == reports[2] and reports[1] == reports[3]

    code, out = _run("keys", "rotate", "--now", "2025-04-03T00:00:00+00:00")
    assert code == 0 and "primary key k2; re-wrapped" in out, out
    assert {"keyring.json", "redactor.db"} <= {p.name for p in (elsewhere / "data").iterdir()}
    assert not any((elsewhere / "a").iterdir()) and not any((elsewhere / "b").iterdir())


def test_from_a_scratch_directory_the_server_becomes_ready_and_its_records_audit_clean(
    elsewhere: Path,
) -> None:
    from redactor.api.app import create_app
    from redactor.api.server import prepare_dev

    settings = Settings(_env_file=None)  # type: ignore[call-arg]
    tokens = prepare_dev(settings)
    app_ = create_app(settings, analyzer=PatternAnalyzer())
    with TestClient(app_) as client:
        assert client.get("/readyz").status_code == 200
        resp = client.post(
            "/v1/records",
            json={"text": NOTES[0]["text"]},
            headers={"Authorization": f"Bearer {tokens['desk']}"},
        )
        assert resp.status_code == 201, resp.text
    code, out = _run("audit", "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["records"] == 1, out
    assert not [f for f in report["findings"] if f["kind"] == "policy_unknown"]
