"""A long-running analyzer's string store does not grow with distinct notes.

A count, never a time.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

SYNTH = Path(__file__).resolve().parent.parent / "bench" / "synth.py"


def _synthetic_notes(n: int, seed: int) -> list[str]:
    spec = importlib.util.spec_from_file_location("bench_synth", SYNTH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.notes(n, seed=seed))


def test_when_300_distinct_notes_are_analyzed_then_the_string_store_does_not_grow(
    analyzer: Any, nlp: Any
) -> None:
    texts = _synthetic_notes(330, seed=2026)
    assert len(set(texts)) == len(texts)
    for text in texts[:30]:  # warm-up: labels and tags the pipeline adds once
        analyzer.analyze(text)
    before = len(nlp.vocab.strings)
    found = 0
    for text in texts[30:]:
        found += len(analyzer.analyze(text))
    assert found > 300  # the notes were really analyzed (names, numbers, addresses)
    assert len(nlp.vocab.strings) == before


def test_when_notes_are_analyzed_in_batches_then_the_string_store_does_not_grow(
    analyzer: Any, nlp: Any
) -> None:
    texts = _synthetic_notes(96, seed=7)
    analyzer.analyze_batch(texts[:16])
    before = len(nlp.vocab.strings)
    for i in range(16, len(texts), 16):
        analyzer.analyze_batch(texts[i : i + 16])
    assert len(nlp.vocab.strings) == before
