"""JpPostalCodeRecognizer: 〒 and context decide; no window inside phones, amounts or dates."""

from __future__ import annotations

import pytest

from recognizers.jp_postal_code_recognizer import JpPostalCodeRecognizer

ENTITY = "POSTAL_CODE"
THRESHOLD = 0.5


@pytest.fixture(scope="module")
def rec() -> JpPostalCodeRecognizer:
    return JpPostalCodeRecognizer()


def reported(rec: JpPostalCodeRecognizer, text: str) -> list[str]:
    return [
        text[r.start : r.end] for r in rec.analyze(text, [ENTITY], None) if r.score >= THRESHOLD
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("郵便番号 〒534-0021 だけ分かるが", "〒534-0021"),
        ("〒532-0011", "〒532-0011"),
        ("〒 532-0011 のみ", "〒 532-0011"),
        ("郵便番号：〒５４４－００３４（住所は登録済）", "〒５４４－００３４"),
        ("新しい郵便番号558-0011で合っているか", "558-0011"),
        ("郵便番号：530-0041\n電話：080-5127-3396", "530-0041"),
        ("郵便番号をお願いします 5370024 ですね", "5370024"),
        ("〒5320011", "〒5320011"),
        ("郵便番号は五三二－〇〇一一です", "五三二－〇〇一一"),
        ("郵便番号は ごーさんにーのぜろぜろいちいち です", "ごーさんにーのぜろぜろいちいち"),
    ],
)
def test_when_a_code_has_its_mark_or_a_context_word_then_it_is_reported(
    rec: JpPostalCodeRecognizer, text: str, value: str
) -> None:
    assert reported(rec, text) == [value]


def test_a_bare_grouped_code_is_a_candidate_below_threshold(rec: JpPostalCodeRecognizer) -> None:
    [r] = rec.analyze("530-0041", [ENTITY], None)
    assert 0.3 <= r.score < THRESHOLD


def test_a_code_written_before_its_address_stays_below_an_address_score(
    rec: JpPostalCodeRecognizer,
) -> None:
    text = "郵便番号 〒533-0014 大阪市東淀川区豊新5-3-11"
    [r] = rec.analyze(text, [ENTITY], None)
    assert text[r.start : r.end] == "〒533-0014"
    assert THRESHOLD <= r.score <= 0.6


@pytest.mark.parametrize(
    "text",
    [
        # windows inside phone numbers and longer runs
        "TEL 06-6305-1187",
        "電話 0120-123-4567",
        "郵便番号 06-6305-1187",
        "郵便番号 532-00111",
        "郵便番号 1532-0011",
        "郵便番号 53200111",
        # amounts, dates, other identifiers
        "手数料 1,200,000円",
        "郵便で 1200000円 を送金",
        "2024-05-01 に来庁",
        "口座番号 1234567",
        "受付番号 123-4567",
        "被保険者番号 5320011",
        # seven bare digits need a context word
        "5370024",
        "本人確認 5370024",
        # malformed
        "〒53-0011",
        "〒",
        "",
    ],
)
def test_when_digits_are_not_a_postal_code_then_nothing_is_reported(
    rec: JpPostalCodeRecognizer, text: str
) -> None:
    assert reported(rec, text) == []
