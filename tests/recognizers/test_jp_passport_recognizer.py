"""JpPassportRecognizer: two letters and seven digits after a passport label."""

from __future__ import annotations

import pytest

from recognizers.jp_passport_recognizer import JpPassportRecognizer

ENTITY = "PASSPORT"
THRESHOLD = 0.5


@pytest.fixture(scope="module")
def rec() -> JpPassportRecognizer:
    return JpPassportRecognizer()


def reported(rec: JpPassportRecognizer, text: str) -> list[str]:
    return [
        text[r.start : r.end] for r in rec.analyze(text, [ENTITY], None) if r.score >= THRESHOLD
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("旧パスポートの旅券番号はMZ1048362で", "MZ1048362"),
        ("旅券番号：TS7730415\n用件", "TS7730415"),
        ("前のパスポートの番号 TK8392014 なんですけど", "TK8392014"),
        ("英字氏名 AYA OKADA、旅券番号 TR4827153 は有効期限切れ", "TR4827153"),
        ("パスポート番号は ＴＫ８３９２０１４ です", "ＴＫ８３９２０１４"),
        ("パスポート mz1048362", "mz1048362"),  # typed in lower case
    ],
)
def test_passport_numbers_are_found_after_a_passport_label(
    rec: JpPassportRecognizer, text: str, value: str
) -> None:
    assert reported(rec, text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "型番 MZ1048362",
        "パスポート EH29384756FA",
        "パスポート MZ1048362@example.jp",
        "パスポート XMZ1048362",
        "パスポート MZ10483621",
        "パスポート MZ104836",
        "パスポート M1048362",
        "パスポートあり、在留カード番号 MZ1048362",
    ],
)
def test_other_codes_and_longer_runs_are_not_passports(
    rec: JpPassportRecognizer, text: str
) -> None:
    assert reported(rec, text) == []
