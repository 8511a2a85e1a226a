"""Chinese and Hangul names after a phrase that introduces a name (no model needed)."""

from __future__ import annotations

import pytest

from recognizers.person.introduced_names import introduced_name_candidates


def _names(text: str) -> list[str]:
    return [text[c.start : c.end] for c in introduced_name_candidates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("本人：我叫王丽娟。", ["王丽娟"]),
        ("本人：我是她儿子，叫刘建国，Liú Jiànguó。", ["刘建国"]),
        ("我母亲叫张秀英，1952年10月3日出生。", ["张秀英"]),
        ("本人：네, 제 이름은 박서연입니다.", ["박서연"]),
        ("저는 김민준이에요", ["김민준"]),
        # Nepali (romanized phrase, Devanagari name) and Thai
        ("Chhori ko naam सृष्टि थापा, Srishti.", ["सृष्टि थापा"]),
        ("Mero naam बिष्णु प्रसाद अधिकारी हो।", ["बिष्णु प्रसाद अधिकारी"]),
        ("สวัสดีค่ะ ฉันชื่อสมศรี ทองดี สามีเป็นคนญี่ปุ่น", ["สมศรี ทองดี"]),
    ],
)
def test_when_a_phrase_introduces_a_name_then_it_is_found_without_the_copula(
    text: str, expected: list[str]
) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "我叫的车还没来吗",  # 叫 as "call for" followed by more than a name
        "이름은 모릅니다",  # "I don't know the name": a verb, too long for a name
        "お名前は王です",  # Japanese: the other evidence sources' business
        "naam lekhnu parcha",  # the word for name, no Devanagari name after it
        "",
    ],
)
def test_when_no_name_is_introduced_then_nothing(text: str) -> None:
    assert _names(text) == []
