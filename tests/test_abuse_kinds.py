"""bench/abuse.py: every kind makes a note of the asked length, and before/after rows line up.

No speed is asserted (that is the bench's job); this keeps the bench runnable.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench" / "abuse.py"


def _abuse() -> ModuleType:
    spec = importlib.util.spec_from_file_location("abuse_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["abuse_bench"] = module
    spec.loader.exec_module(module)
    return module


abuse = _abuse()


def test_the_bench_probes_about_forty_kinds_and_an_ordinary_note() -> None:
    assert len(abuse.KINDS) >= 40
    assert "ordinary_note" in abuse.KINDS


@pytest.mark.parametrize("kind", sorted(abuse.KINDS))
@pytest.mark.parametrize("chars", [1000, 10_000])
def test_each_kind_makes_a_note_of_about_the_asked_length(kind: str, chars: int) -> None:
    text = abuse.KINDS[kind](chars)
    assert chars - 2 <= len(text) <= chars


def test_transcripts_hold_five_hundred_turns() -> None:
    assert abuse.KINDS["transcript_turns"](10_000).count("\n") >= 499


def test_before_and_after_rows_are_joined_by_kind_with_their_ratio() -> None:
    before = [{"kind": "a", "chars": 10, "seconds": 4.0, "cpu_seconds": 3.0,
               "ms_per_1000_chars": 400.0}]
    after = [{"kind": "a", "chars": 10, "seconds": 0.5, "cpu_seconds": 0.4,
              "ms_per_1000_chars": 50.0}]
    (row,) = abuse.side_by_side(before, after)
    assert row["ratio"] == 8.0
    assert (row["before_cpu_s"], row["after_cpu_s"]) == (3.0, 0.4)
