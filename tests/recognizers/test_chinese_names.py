"""Chinese names by their script: simplified characters and toned pinyin (no model)."""

from __future__ import annotations

import pytest

from recognizers.person.chinese_names import chinese_name_candidates, is_pinyin


def _names(text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.source) for c in chinese_name_candidates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本人：刘洋（リュウ・ヤン）", [("刘洋", "simplified_name")]),
        ("母亲 张秀英、父亲 陈伟", [("张秀英", "simplified_name"), ("陈伟", "simplified_name")]),
        ("叫刘建国，Liú Jiànguó。", [("Liú Jiànguó", "pinyin")]),
        ("Wáng Xiǎo-míng（王小明）", [("Wáng Xiǎo-míng", "pinyin")]),
        ("Name: Zhāng Wěi", [("Zhāng Wěi", "pinyin")]),
    ],
)
def test_when_a_chinese_name_is_in_its_own_script_then_it_is_found(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "谢谢。",  # a doubled character: thanks, not 谢
        "，马上。",  # an everyday word starting with a family name's character
        "劉 建国さん",  # the Japanese form of the characters is the other sources' business
        "Zhang Wei",  # pinyin without tone marks could be anything
        "María José",  # Spanish accents on syllables Mandarin has not
        "Nací el 15 de enero",
        "Ngày sinh của chị",  # Vietnamese marks
        "Shànghǎi Shì",  # a place in pinyin
        "",
    ],
)
def test_when_the_script_is_not_a_chinese_name_then_nothing(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Jiànguó", True), ("Xiǎo-míng", True), ("Lǚ", True), ("José", False), ("Kaito", False)],
)
def test_pinyin_is_read_syllable_by_syllable(word: str, expected: bool) -> None:
    assert is_pinyin(word) is expected
