"""Finding repeats stays linear in the note, and finds exactly what the pairwise check found.

Issue 16: a note of 2,500 names with honorifics spent 95 s here, comparing
every occurrence with every span taken so far, once per span of the same
value. No timing is asserted: the work is counted, and the result compared
with the pairwise reference on random notes.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers import repeats
from recognizers.repeats import Repeat, repeated_spans


class _PairwiseTaken:
    """The former bookkeeping: every occurrence checked against every span taken so far."""

    def __init__(self, _size: int) -> None:
        self.spans: list[tuple[int, int]] = []

    def add(self, start: int, end: int) -> None:
        self.spans.append((start, end))

    def free(self, start: int, end: int) -> bool:
        return not any(a < end and start < b for a, b in self.spans)


def _pairwise(text: str, spans: Sequence[tuple[int, int, str]]) -> list[Repeat]:
    """The same search with the pairwise bookkeeping it replaced."""
    original = repeats.Covered
    repeats.Covered = _PairwiseTaken  # type: ignore[misc,assignment]
    try:
        return repeated_spans(text, spans)
    finally:
        repeats.Covered = original  # type: ignore[misc]


_PIECES = [
    "田中",
    "田中様",
    "さん",
    "、",
    "090-1234-5678",
    "０９０１２３４５６７８",
    " ",
    "はると",
    "工務店",
    "〇九〇一二三四五六七八",
    "の",
    "森 千夏",
    "森様",
    "1234-5678",
    "記号 2140",
]
_LABELS = ["PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "MY_NUMBER", "HEALTH_INSURANCE_NUMBER"]


@st.composite
def _notes(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, str]]]:
    text = "".join(draw(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=30)))
    bounds = st.tuples(st.integers(0, len(text)), st.integers(0, len(text)))
    spans = []
    for a, b in draw(st.lists(bounds, max_size=8)):
        spans.append((min(a, b), max(a, b), draw(st.sampled_from(_LABELS))))
    return text, spans


@settings(max_examples=300, deadline=None)
@given(_notes())
def test_repeats_are_exactly_those_the_pairwise_check_finds(
    note: tuple[str, list[tuple[int, int, str]]],
) -> None:
    text, spans = note
    assert repeated_spans(text, spans) == _pairwise(text, spans)


@pytest.mark.parametrize("names", [50, 100, 200])
def test_when_every_name_of_a_dense_note_is_a_span_then_each_occurrence_is_checked_once(
    names: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "山田さん、" * names
    spans = [(5 * i, 5 * i + 2, "PERSON") for i in range(names)]
    calls = 0
    whole_word = repeats._whole_word

    def counting(text: str, start: int, end: int) -> bool:
        nonlocal calls
        calls += 1
        return whole_word(text, start, end)

    monkeypatch.setattr(repeats, "_whole_word", counting)
    assert repeated_spans(text, spans) == []
    assert calls == names  # one lookup of the value, not one per span (names²)
