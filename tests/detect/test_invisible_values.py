"""Issue 16: an invisible character between every character of a value hides nothing.

Every kind of invisible character a hostile or careless client was seen to use, put
between every character of a name, an e-mail address, a phone number and a My Number:
the analyzer must find each value whole, and its span must cover the invisible
characters too, so masking leaves none of the value behind.
"""

from __future__ import annotations

from typing import Any

import pytest

#: the kinds probed in issue 16 and a few more of the same categories (Cf, Mn joiners)
INVISIBLES = "\u200b\u200c\u200d\u00ad\ufeff\u200e\u200f\u2060\u2061\u2063\u202e\ufe0f\u034f\u180e"

VALUES = {
    "PERSON": ("相談者：", "山田 太郎", " 様より連絡"),
    "EMAIL_ADDRESS": ("メール ", "taro.yamada@example.jp", " に返信"),
    "PHONE_NUMBER": ("電話 ", "090-1234-5678", " に折り返し"),
    "MY_NUMBER": ("個人番号 ", "123456789018", " を確認"),
}


def _between_every(value: str, ch: str) -> str:
    return ch.join(value)


@pytest.mark.parametrize("label", sorted(VALUES))
@pytest.mark.parametrize("ch", INVISIBLES, ids=lambda c: f"U+{ord(c):04X}")
def test_when_an_invisible_sits_between_every_character_then_the_value_is_found_whole(
    analyzer: Any, label: str, ch: str
) -> None:
    before, value, after = VALUES[label]
    hidden = _between_every(value, ch)
    text = before + hidden + after
    start, end = len(before), len(before) + len(hidden)
    found = [e for e in analyzer.analyze(text) if e.label == label]
    assert any(e.start <= start and end <= e.end for e in found), (label, f"U+{ord(ch):04X}")
