"""`redactor bulk import --engine ray` on a local Ray (num_cpus=2), with the real analyzer.

One xdist group: one Ray per test process, and these tests never share the machine's
two CPUs with a second Ray. Each run's actors load ja_ginza once each.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from bulkkit import NOW, POLICY, notes, stored, write_jsonl
from sqlalchemy import func, select
from typer.testing import CliRunner

from redactor.cli import app, store_cmd
from redactor.service import open_keys
from redactor.settings import Settings
from redactor.store import open_store
from redactor.store.models import Record

pytestmark = [
    pytest.mark.ray,
    pytest.mark.slow,
    pytest.mark.xdist_group("ray"),
    pytest.mark.skipif(importlib.util.find_spec("ray") is None,
                       reason="needs the ray extra: pip install 'redactor[ray]'"),
]


@pytest.fixture(scope="module")
def local_ray() -> Iterator[Any]:
    import ray

    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False,
             logging_level="warning")
    yield ray
    ray.shutdown()


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, analyzer: Any) -> Path:
    monkeypatch.setenv("REDACTOR_DB_URL", f"sqlite:///{tmp_path / 'db.sqlite'}")
    monkeypatch.setenv("REDACTOR_KEYRING", str(tmp_path / "keys" / "keyring.json"))
    monkeypatch.setenv("REDACTOR_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(store_cmd, "ANALYZER_FACTORY", lambda: analyzer)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


def _summary(out: str) -> str:
    return next(line for line in out.splitlines() if line.startswith("bulk "))


def test_when_300_notes_imported_on_ray_then_the_store_holds_what_ingest_stores(
        env: Path, local_ray: Any) -> None:
    rows = notes(300)
    path = write_jsonl(env / "notes.jsonl", rows)
    assert _run("ingest", "--input", str(path), "--policy", str(POLICY), "--now", NOW)[0] == 0
    keys = open_keys(Settings())
    ingested = stored(Settings().database_url, keys)
    (env / "db.sqlite").rename(env / "ingested.sqlite")

    code, out = _run("bulk", "import", "--input", str(path), "--policy", str(POLICY),
                     "--now", NOW, "--engine", "ray", "--workers", "2", "--num-cpus", "0.5")
    assert code == 0, out
    line = _summary(out)
    assert "bulk import (ray): read 300; stored 300; skipped 0 duplicate(s)" in line
    loaded = int(line.rsplit(", ", 1)[1].split()[0])
    assert 1 <= loaded <= 2  # once per actor, never per batch (300 notes: 10 batches)
    bulk = stored(Settings().database_url, keys)
    assert bulk == ingested  # same masked texts, labels, policy, vaulted originals
    by_id = {f"ingest:{r['id']}": r["text"] for r in rows}
    for key, rec in bulk.items():  # every vaulted original is the input's own stretch
        assert all(by_id[key][s:e] == value for _, s, e, value in rec["originals"])
    assert sum(len(r["originals"]) for r in bulk.values()) > 100

    code, out = _run("bulk", "import", "--input", str(path), "--policy", str(POLICY),
                     "--now", NOW, "--engine", "ray")
    assert code == 0 and "stored 0; skipped 300 duplicate(s)" in _summary(out), out
    assert stored(Settings().database_url, keys) == bulk

    local = _run("bulk", "rescan", "--batch-size", "64")
    on_ray = _run("bulk", "rescan", "--engine", "ray", "--batch-size", "64")
    assert on_ray[0] == local[0]
    assert "bulk rescan (ray): read 300;" in on_ray[1], on_ray[1]
    assert _findings(on_ray[1]) == _findings(local[1])  # the same residual ids and labels


def _findings(out: str) -> list[str]:
    return sorted(line for line in out.splitlines() if line.startswith("residual PII"))


def test_when_an_actor_dies_mid_run_then_every_note_is_stored_once(
        env: Path, local_ray: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from redactor.bulk.jobs import IMPORT, JobSpec
    from redactor.bulk.ray_engine import CRASH_ENV
    from redactor.bulk.run import EngineOptions, run_import
    from redactor.policy import load_policy

    marker = env / "crashed"
    monkeypatch.setenv(CRASH_ENV, f"2:{marker}")  # one actor exits after 2 batches, once
    rows = notes(160)
    path = write_jsonl(env / "notes.jsonl", rows, [b"{not json"])
    now = datetime.fromisoformat(NOW)
    keys = open_keys(Settings(), create=True, now=now)
    store = open_store(Settings().database_url)
    summary = run_import([path.resolve()], JobSpec(IMPORT, now, policy=load_policy(POLICY),
                                                   batch_size=16),
                         store=store, keys=keys, factory=lambda: None,
                         options=EngineOptions(engine="ray", workers=2, num_cpus=0.5),
                         marks_dir=env / "marks")
    assert marker.exists()  # the hook did kill an actor
    assert (summary.read, summary.stored, summary.duplicates) == (161, 160, 0)
    assert [p.line for p in summary.malformed] == [161] and not summary.failures
    with store.engine.connect() as conn:
        count = conn.execute(select(func.count(), func.count(Record.idempotency_key.distinct()))
                             ).one()
    assert tuple(count) == (160, 160)
    assert set(stored(Settings().database_url, keys)) == {f"ingest:{r['id']}" for r in rows}
