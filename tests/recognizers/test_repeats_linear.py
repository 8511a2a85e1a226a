"""Finding repeats stays linear in the note, and finds exactly what the pairwise check found.

Issue 16: a note of 2,500 names with honorifics spent 95 s here, comparing
every occurrence with every span taken so far, once per span of the same
value. No timing is asserted: the work is counted, and the result compared
with the pairwise reference on random notes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recognizers import repeats
from recognizers.normalize import normalize
from recognizers.repeats import DIGIT_LABELS, MIN_DIGITS, TEXT_LABELS, Repeat, repeated_spans


def _pairwise(text: str, spans: Sequence[tuple[int, int, str]]) -> list[Repeat]:
    """The former algorithm: every span looked up, every occurrence checked against all taken."""
    norm = normalize(text)
    taken = [(s, e) for s, e, _ in spans]
    out: list[Repeat] = []

    def add(s: int, e: int, label: str, source: int) -> None:
        if not any(a < e and s < b for a, b in taken):
            out.append(Repeat(s, e, label, source))
            taken.append((s, e))

    runs = [(re.sub(r"\D", "", m.group()), m.start(), m.end())
            for m in repeats._DIGIT_RUN.finditer(norm.text)]
    for index, (start, end, label) in enumerate(spans):
        if label in DIGIT_LABELS:
            cs, ce = norm.to_canonical(start, end)
            digits = "".join(c for c in norm.text[cs:ce] if c.isascii() and c.isdigit())
            if len(digits) < MIN_DIGITS:
                continue
            for run, rs, re_ in runs:
                if run == digits:
                    add(*norm.to_original(rs, re_), label, index)
        elif label in TEXT_LABELS:
            value = text[start:end]
            short_kana = label == "PERSON" and repeats._HIRAGANA.match(value) and len(value) < 3
            if len(value) < 2 or short_kana:
                continue
            at = text.find(value)
            while at >= 0:
                if repeats._whole_word(text, at, at + len(value)):
                    add(at, at + len(value), label, index)
                at = text.find(value, at + 1)
    return out


_PIECES = ["田中", "田中様", "さん", "、", "090-1234-5678", "０９０１２３４５６７８", " ", "はると",
           "工務店", "〇九〇一二三四五六七八", "の"]
_LABELS = ["PERSON", "PHONE_NUMBER", "EMAIL_ADDRESS", "MY_NUMBER"]


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
