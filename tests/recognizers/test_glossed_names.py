"""Names written with their reading in brackets: a known name's reading, or Hangul."""

from __future__ import annotations

import pytest

from recognizers.person.glossed_names import glossed_name_candidates

KNOWN_READINGS = {"かえで", "いつき", "ゆい", "みお"}


def _names(text: str) -> list[str]:
    return [
        text[c.start : c.end] for c in glossed_name_candidates(text, KNOWN_READINGS.__contains__)
    ]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("名前は上から 楓（かえで）、樹（いつき）。", ["楓", "樹"]),
        ("子：中園 結（ゆい、R3.2.1生）", ["結"]),
        ("妻：이수진（イ・スジン）", ["이수진"]),
        ("夫 박준호 (パク ジュノ)", ["박준호"]),
    ],
)
def test_when_a_name_has_its_reading_in_brackets_then_it_is_a_candidate(
    text: str, names: list[str]
) -> None:
    assert _names(text) == names


@pytest.mark.parametrize(
    "text",
    [
        "手続き（てつづき）が必要",  # a word glossed, not a name's reading
        "市（し）の窓口",
        "申請書（しんせいしょ）",
        "澪（みおつくし）",  # not a reading the lists know
    ],
)
def test_when_the_reading_is_no_known_name_then_the_kanji_is_not_a_candidate(text: str) -> None:
    assert _names(text) == []
