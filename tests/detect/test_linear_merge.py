"""Joining chunk results and settling label conflicts: same answers as pairwise, linear work.

Issue 16: both compared every entity with every other (4 million comparisons
for a note of 2,000 names). No timing is asserted: the answers are compared
with the pairwise reference on random entities, and the reads of entity
fields are counted as the note grows.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactor.detect.analyze import MIN_REMAINDER, resolve_label_conflicts
from redactor.detect.chunking import Chunk, merge_chunk_results
from redactor.entities import LABELS, Entity

_LABELS = ["PERSON", "PHONE_NUMBER", "ADDRESS"]


def _merge_pairwise(parts: Iterable[tuple[Chunk, Sequence[Entity]]]) -> list[Entity]:
    parts = list(parts)
    if len(parts) == 1:
        return list(parts[0][1])
    best: dict[tuple[int, int, str], tuple[int, Entity]] = {}
    for i, (chunk, entities) in enumerate(parts):
        for e in entities:
            moved = replace(e, start=e.start + chunk.start, end=e.end + chunk.start)
            key = (moved.start, moved.end, moved.label)
            if key not in best or best[key][1].score < moved.score:
                best[key] = (i, moved)
    kept = [
        e
        for i, e in best.values()
        if not any(
            j != i and o.label == e.label and o.start <= e.start and e.end <= o.end and o != e
            for j, o in best.values()
        )
    ]
    return sorted(kept, key=lambda e: (e.start, e.end, e.label))


def _conflicts_pairwise(entities: Sequence[Entity]) -> list[Entity]:
    order = {label: i for i, label in enumerate(LABELS)}
    ranked = sorted(
        entities,
        key=lambda e: (-e.score, -(e.end - e.start), order.get(e.label, len(order)), e.start),
    )
    kept: list[Entity] = []
    for e in ranked:
        if any(k.label != e.label and k.start < e.end and e.start < k.end for k in kept):
            taken = {p for k in kept if k.label != e.label for p in range(k.start, k.end)}
            free = [p for p in range(e.start, e.end) if p not in taken]
            pieces: list[list[int]] = []
            for p in free:
                if pieces and pieces[-1][-1] == p - 1:
                    pieces[-1].append(p)
                else:
                    pieces.append([p])
            kept += [
                replace(e, start=piece[0], end=piece[-1] + 1)
                for piece in pieces
                if len(piece) >= MIN_REMAINDER
            ]
            continue
        kept.append(e)
    return sorted(kept, key=lambda e: (e.start, e.end, e.label))


@st.composite
def _entities(draw: st.DrawFn, size: int = 40) -> list[Entity]:
    out = []
    for _ in range(draw(st.integers(0, 12))):
        start = draw(st.integers(0, size - 1))
        end = draw(st.integers(start + 1, min(size, start + 8)))
        score = draw(st.sampled_from([0.5, 0.6, 0.85, 1.0]))
        out.append(Entity(start, end, draw(st.sampled_from(_LABELS)), score, "R"))
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(_entities(), min_size=1, max_size=4), st.integers(5, 30))
def test_merged_chunk_results_are_those_of_the_pairwise_check(
    per_chunk: list[list[Entity]], step: int
) -> None:
    parts = [(Chunk(i * step, "x" * 40), entities) for i, entities in enumerate(per_chunk)]
    assert merge_chunk_results(parts) == _merge_pairwise(parts)


@settings(max_examples=300, deadline=None)
@given(_entities(size=30))
def test_settled_conflicts_are_those_of_the_pairwise_check(entities: list[Entity]) -> None:
    assert resolve_label_conflicts(entities) == _conflicts_pairwise(entities)


class _Counted(Entity):
    """An entity that counts how often its span is read."""

    reads = 0

    def __getattribute__(self, name: str) -> Any:
        if name in ("start", "end"):
            _Counted.reads += 1
        return super().__getattribute__(name)


def _names(count: int, offset: int = 0) -> list[Entity]:
    return [_Counted(offset + 3 * i, offset + 3 * i + 2, "PERSON", 0.85, "R") for i in range(count)]


def _reads(run: Any) -> int:
    _Counted.reads = 0
    run()
    return _Counted.reads


@pytest.mark.parametrize("names", [200, 400])
def test_label_conflicts_read_each_entity_a_bounded_number_of_times(names: int) -> None:
    entities = _names(names) + [
        _Counted(3 * i, 3 * i + 2, "ADDRESS", 0.6, "R") for i in range(0, names, 2)
    ]
    reads = _reads(lambda: resolve_label_conflicts(entities))
    assert reads <= 12 * len(entities)  # pairwise: names² / 2


@pytest.mark.parametrize("names", [200, 400])
def test_chunk_merging_reads_each_entity_a_bounded_number_of_times(names: int) -> None:
    # two chunks that overlap over the whole note, their sightings one character apart
    text = "x" * 3 * names
    parts = [(Chunk(0, text), _names(names)), (Chunk(1, text), _names(names))]
    merged: list[Entity] = []
    reads = _reads(lambda: merged.extend(merge_chunk_results(parts)))
    assert len(merged) == 2 * names
    assert reads <= 20 * 2 * names  # pairwise: (2 * names)²
