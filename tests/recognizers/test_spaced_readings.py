"""A full name, then its full reading with blanks: the two parts (no model needed)."""

from __future__ import annotations

import pytest

from recognizers.person.spaced_readings import (
    spaced_reading_candidates,
    split_name_and_reading,
)

SURNAMES = {"やまだ", "すずき", "さとう"}
GIVEN = {"ふさえ", "たろう", "はな", "さくら", "かえで", "はなこ"}


def _is_surname(word: str) -> bool:
    return (
        word in SURNAMES or word.translate({c: c - 0x60 for c in range(0x30A1, 0x30F7)}) in SURNAMES
    )


def _is_given(word: str) -> bool:
    return word in GIVEN or word.translate({c: c - 0x60 for c in range(0x30A1, 0x30F7)}) in GIVEN


def _found(text: str) -> list[str]:
    return [text[c.start : c.end] for c in spaced_reading_candidates(text, _is_surname, _is_given)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("母は 石動 ふさ江 いするぎ ふさえ です", ["石動 ふさ江", "いするぎ ふさえ"]),
        ("えー 石動 ふさ江 いするぎ ふさえです", ["石動 ふさ江", "いするぎ ふさえ"]),
        ("申請者 山田 太郎 やまだ たろう 昭和45年生", ["山田 太郎", "やまだ たろう"]),
        ("氏名\u3000鈴木 花子\u3000スズキ ハナコ", ["鈴木 花子", "スズキ ハナコ"]),
        # a given name ending in で keeps it
        ("氏名 佐藤 楓 さとう かえで", ["佐藤 楓", "さとう かえで"]),
    ],
)
def test_when_a_name_is_followed_by_its_spaced_reading_then_both_are_found(
    text: str, expected: list[str]
) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a kana given name is read as itself; here two children follow one another
        "子 山田 はな さくら 保育園",
        # words a blank apart that are no name and no reading
        "冷蔵庫 と テレビ みたいなのが",
        "番号 が さんいちぜろ よんななな",
        # the reading is too short for the kanji it would read
        "長谷川 太郎 は たろう",
        # kana running on into a word: no reading of its own
        "山田 太郎 やまだ たろうさんち",
        "",
    ],
)
def test_when_the_kana_is_no_reading_of_the_name_then_nothing(text: str) -> None:
    assert _found(text) == []


def test_a_span_over_the_name_and_its_reading_is_cut_in_two() -> None:
    text = "申請者 山田 太郎 やまだ たろう 昭和"
    start, end = text.index("山田"), text.index("たろう") + 3
    parts = split_name_and_reading(text, start, end, _is_surname, _is_given)
    assert parts is not None
    assert [text[s:e] for s, e in parts] == ["山田 太郎", "やまだ たろう"]
    # a span over the name alone is left as it is
    assert (
        split_name_and_reading(text, start, text.index("太郎") + 2, _is_surname, _is_given) is None
    )
