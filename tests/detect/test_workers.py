"""`redactor analyze --workers N`: the same lines as one process, in order."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CLI = (sys.executable, "-c", "from redactor.cli import main; main()")


@pytest.mark.slow
def test_when_two_workers_analyze_then_output_equals_one_process_and_errors_are_kept(
    tmp_path: Path, dev_notes: list[dict[str, object]]
) -> None:
    notes = dev_notes[:24]
    lines = [json.dumps({"id": n["id"], "text": n["text"]}, ensure_ascii=False) for n in notes]
    lines.insert(5, '{"id": "bad", "text": "山田太郎 090-9999-0000"')  # truncated JSON
    src = tmp_path / "notes.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outputs = []
    for workers in ("1", "2"):
        out = tmp_path / f"out-{workers}.jsonl"
        proc = subprocess.run(
            [
                *CLI,
                "analyze",
                "-i",
                str(src),
                "-o",
                str(out),
                "--workers",
                workers,
                "--batch-size",
                "4",
            ],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        assert proc.returncode == 1, proc.stderr[-500:]
        assert "line 6" in proc.stderr and "山田" not in proc.stderr
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert [json.loads(x)["id"] for x in outputs[1].splitlines()] == [n["id"] for n in notes]
