"""Invisible characters are read through, and spans cover them in the original."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recognizers.invisible import is_invisible, visible
from recognizers.normalize import normalize

#: the kinds a hostile or careless client puts inside a value
INVISIBLES = (
    "\u200b", "\u200c", "\u200d", "\u00ad", "\ufeff", "\u200e", "\u200f", "\u2060",
    "\u2061", "\u2063", "\u202e", "\ufe0f", "\u034f", "\u180e", "\u3164", "\x00", "\x7f",
)  # fmt: skip


@pytest.mark.parametrize("ch", INVISIBLES)
def test_when_a_character_shows_nothing_then_it_is_invisible(ch: str) -> None:
    assert is_invisible(ch)


@pytest.mark.parametrize("ch", ["\n", "\t", "\r", " ", "\u3000", "あ", "1", "-", "・"])
def test_when_a_character_shows_or_lays_out_then_it_is_kept(ch: str) -> None:
    assert not is_invisible(ch)


def test_when_invisibles_sit_inside_a_value_then_the_span_covers_them() -> None:
    text = "電話090\u200b-1234\u00ad-5678です"
    view = visible(text)
    assert view.text == "電話090-1234-5678です"
    start = view.text.index("090")
    assert view.to_original(start, start + 13) == (2, 17)
    assert text[2:17].replace("\u200b", "").replace("\u00ad", "") == "090-1234-5678"


@given(
    st.text(alphabet="0123456789-あ山", min_size=1, max_size=20),
    st.lists(st.tuples(st.integers(0, 20), st.sampled_from(INVISIBLES)), max_size=8),
)
def test_normalize_reads_through_any_invisible_characters(
    value: str, inserts: list[tuple[int, str]]
) -> None:
    text = value
    for at, ch in sorted(inserts, reverse=True):
        text = text[: min(at, len(text))] + ch + text[min(at, len(text)) :]
    clean = normalize(value)
    dirty = normalize(text)
    assert dirty.text == clean.text
    assert dirty.to_original(0, len(dirty.text))[0] <= dirty.to_original(0, len(dirty.text))[1]
    for i in range(len(dirty.text)):
        assert not any(is_invisible(c) for c in dirty.text[i])


def test_when_katakana_is_half_width_then_it_is_read_full_width_with_voicing_folded() -> None:
    text = "相談者：ﾅｶｿﾞﾉ ﾐﾂﾙ 様"
    view = visible(text)
    assert view.text == "相談者：ナカゾノ ミツル 様"
    start = view.text.index("ナ")
    assert view.to_original(start, start + 4) == (4, 9)  # ﾅｶｿﾞﾉ, its ﾞ included
