"""bench/run.py runs end to end in its small mode and reports every figure (no speed asserted)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIGURES = {
    "notes_per_s",
    "chars_per_s",
    "p50_ms",
    "p95_ms",
    "p99_ms",
    "cpu_ms_per_note",
    "peak_rss_mb",
}


@pytest.mark.slow
def test_when_the_bench_runs_small_then_its_json_has_every_figure_and_ratio(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [
            sys.executable,
            "bench/run.py",
            "--notes",
            "12",
            "--json",
            str(out),
            "--no-http",
            "--no-cli",
        ],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr[-800:]
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["notes"] == 12
    assert report["load"]["ours_s"] > 0 and report["load"]["stock_s"] > 0
    for section in ("single", "batch"):
        for who in ("stock", "ours"):
            assert set(report[section][who]) >= FIGURES, (section, who)
            assert report[section][who]["notes"] == 12
        assert set(report[section]["ratio"]) == {"notes_per_s", "cpu_stock_over_ours"}
        assert report[section]["ratio"]["notes_per_s"] > 0
    assert report["http"] == {"skipped": "--no-http"}
    assert set(report["recognizers"]) == {"gazetteer_load_s", "address_ms_per_note"}
    assert "single ratio" in proc.stdout


def test_when_the_audit_bench_runs_small_then_every_record_verifies(tmp_path: Path) -> None:
    out = tmp_path / "audit.json"
    proc = subprocess.run(
        [sys.executable, "bench/audit.py", "--records", "40", "--big", "40", "--json", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr[-800:]
    (run,) = json.loads(out.read_text(encoding="utf-8"))
    assert run["records"] == run["read"] == 40 and run["integrity_findings"] == 0
    assert run["fields_verified"] + run["fields_shredded"] == 80  # a note and a part each
    assert run["audit_records_per_s"] > 0 and "records/s" in proc.stdout
