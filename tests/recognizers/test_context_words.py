"""context_words: the label word nearest before a number decides whose number it is."""

from __future__ import annotations

import pytest

from recognizers.context_words import OTHER, OURS, line_before, nearest_kind, word_kinds

KINDS = word_kinds(ours=["個人番号", "番号"], other=["免許", "受付番号"])


@pytest.mark.parametrize(
    ("window", "kind"),
    [
        ("個人番号：", OURS),
        ("運転免許証番号：", OURS),  # 番号 ends later than 免許
        ("受付番号 ", OTHER),  # tie on the end: the longer word wins
        ("個人番号と運転免許の", OTHER),
        ("免許は持っていない 個人番号は", OURS),
        ("お名前は", None),
        ("", None),
    ],
)
def test_the_word_ending_last_gives_the_kind(window: str, kind: str | None) -> None:
    assert nearest_kind(window, KINDS) == kind


def test_a_word_listed_as_ours_and_other_counts_as_ours() -> None:
    assert word_kinds(ours=["番号"], other=["番号"]) == {"番号": OURS}


@pytest.mark.parametrize(
    ("text", "start", "width", "window"),
    [
        ("電話：06\n個人番号：1", 11, 40, "個人番号："),
        ("abcdef", 6, 3, "def"),
        ("abc", 0, 5, ""),
    ],
)
def test_line_before_stops_at_the_width_and_the_line_start(
    text: str, start: int, width: int, window: str
) -> None:
    assert line_before(text, start, width) == window
