"""Overlapping detections are resolved once: longest, then highest score, then earliest."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redactor.entities import Entity
from redactor.masking.mask import resolve_overlaps


def E(start: int, end: int, label: str = "PERSON", score: float = 0.8, rec: str = "r") -> Entity:
    return Entity(start, end, label, score, rec)


@pytest.mark.parametrize(
    ("given_", "kept"),
    [
        ([], []),
        ([E(0, 2), E(3, 5)], [E(0, 2), E(3, 5)]),  # disjoint
        ([E(0, 2), E(2, 4)], [E(0, 2), E(2, 4)]),  # touching is not overlapping
        ([E(0, 10, "ADDRESS", 0.5), E(2, 4, "PERSON", 0.99)], [E(0, 10, "ADDRESS", 0.5)]),
        ([E(0, 4, "PHONE_NUMBER", 0.6), E(0, 4, "MY_NUMBER", 0.9)], [E(0, 4, "MY_NUMBER", 0.9)]),
        ([E(0, 4, "A", 0.7), E(2, 6, "B", 0.7)], [E(0, 4, "A", 0.7)]),  # tie → earliest
        ([E(0, 4, "B", 0.7), E(0, 4, "A", 0.7)], [E(0, 4, "A", 0.7)]),  # tie → label name
        ([E(0, 4, "A", 0.7, "y"), E(0, 4, "A", 0.7, "x")], [E(0, 4, "A", 0.7, "x")]),
        ([E(0, 5), E(4, 9), E(8, 12)], [E(0, 5), E(8, 12)]),  # chain: both ends survive
        ([E(0, 5), E(0, 5)], [E(0, 5)]),  # duplicates collapse
    ],
)
def test_resolve_overlaps_table(given_: list[Entity], kept: list[Entity]) -> None:
    result = resolve_overlaps(given_)
    assert result == kept
    assert [e.recognizer for e in result] == [e.recognizer for e in kept]


_entities = st.lists(
    st.builds(
        lambda s, n, label, score: Entity(s, s + n, label, score, "r"),
        st.integers(0, 40),
        st.integers(1, 12),
        st.sampled_from(["PERSON", "ADDRESS", "PHONE_NUMBER"]),
        st.sampled_from([0.3, 0.5, 0.85, 1.0]),
    ),
    max_size=12,
)


@given(_entities, st.randoms())
def test_result_is_disjoint_and_independent_of_input_order(
    entities: list[Entity], rnd: object
) -> None:
    shuffled = list(entities)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    result = resolve_overlaps(entities)
    assert result == resolve_overlaps(shuffled)
    for a, b in itertools.pairwise(result):
        assert a.end <= b.start
    # every dropped entity overlaps a kept one at least as long
    for e in entities:
        if e not in result:
            assert any(
                k.start < e.end and e.start < k.end and k.end - k.start >= e.end - e.start
                for k in result
            )
