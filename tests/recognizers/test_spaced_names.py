"""A known surname, a blank and a known given name make one name (no model needed)."""

from __future__ import annotations

import pytest

from recognizers.person.spaced_names import spaced_full_name_candidates

SURNAMES = frozenset({"村上", "荒木", "当銘", "宮原", "山田"})
GIVEN = frozenset({"湊", "悠人", "陸", "東", "太郎"})


def _found(text: str) -> list[str]:
    found = spaced_full_name_candidates(text, SURNAMES.__contains__, GIVEN.__contains__)
    return [text[c.start : c.end] for c in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("②　村上 湊（ﾐﾅﾄ）　R5.O2.28", ["村上 湊"]),
        ("配偶者　氏名　村上 悠人　　生年月日", ["村上 悠人"]),
        ("・子：長男 荒木 陸（りく）H27.3.9生", ["荒木 陸"]),  # after a word that is no surname
        ("① 当銘 湊　H27.5.1", ["当銘 湊"]),
        ("山田　太郎、", ["山田　太郎"]),
    ],
)
def test_when_both_halves_are_known_names_then_the_whole_is_one_candidate(
    text: str, expected: list[str]
) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "電柱に「宮原 東 12」って札",  # a one-kanji given name before a number: a tag
        "宮原 東口",  # the given name does not end the word
        "長男 次男",  # no surname
        "山田 課長",  # no given name
        "村上 湊町",  # a place after the surname
    ],
)
def test_when_a_half_is_no_name_or_the_word_goes_on_then_nothing(text: str) -> None:
    assert _found(text) == []
