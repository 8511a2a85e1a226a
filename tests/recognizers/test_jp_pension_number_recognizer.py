"""JpPensionNumberRecognizer: 4+6 digits (or 10) next to a pension label."""

from __future__ import annotations

import pytest

from recognizers.jp_pension_number_recognizer import JpPensionNumberRecognizer

ENTITY = "PENSION_NUMBER"
THRESHOLD = 0.5


@pytest.fixture(scope="module")
def rec() -> JpPensionNumberRecognizer:
    return JpPensionNumberRecognizer()


def reported(rec: JpPensionNumberRecognizer, text: str) -> list[str]:
    return [
        text[r.start : r.end] for r in rec.analyze(text, [ENTITY], None) if r.score >= THRESHOLD
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("基礎年金番号：2107-384459\n用件", "2107-384459"),
        ("基礎年金番号は控えあり：1203-478915。", "1203-478915"),
        ("基礎年金番号はわかりますか えーっと 4102 583376です", "4102 583376"),
        ("基礎年金番号通知書が届きます 届いてます 番号は 7045 218803", "7045 218803"),
        ("基礎年金番号 ５２３０－１１８７４２", "５２３０－１１８７４２"),
        ("年金手帳の番号は1234567890です", "1234567890"),
        ("基礎年金番号は一二三四 五六七八九〇", "一二三四 五六七八九〇"),
        ("基礎年金番号 0241583067 です", "0241583067"),
        # said in kana, the pauses anywhere; a kana label; "No." in any case
        (
            "年金の番号は えっと、いちにさんよん、の、ごーろくななはち、きゅうぜろ",
            "いちにさんよん、の、ごーろくななはち、きゅうぜろ",
        ),
        (
            "ねんきんの番号が いちにさんよん ごろくなな はちきゅうぜろ",
            "いちにさんよん ごろくなな はちきゅうぜろ",
        ),
        ("Pension No. 1234 567890", "1234 567890"),
    ],
)
def test_pension_numbers_are_found_after_a_pension_label(
    rec: JpPensionNumberRecognizer, text: str, value: str
) -> None:
    assert reported(rec, text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "受付番号 1234-567890",
        "1234-567890",
        "年金の件で電話 0666911234 に折り返し",
        "基礎年金番号は3407-215586、個人番号は4791-5678-1234",
        "年金の相談、被保険者番号 1234567890",
        "基礎年金番号 123-4567890",
        "基礎年金番号 12345-678901",
        "基礎年金番号\n電話 1234-567890",
        "基礎年金番号 1234-5678-90",  # typed in three groups: no pension number's shape
        "年金の件 ぜろさん、いちにさんよん、ごーろくななはち",  # spoken from 0: a phone
    ],
)
def test_ten_digits_are_not_a_pension_number_without_the_nearest_label(
    rec: JpPensionNumberRecognizer, text: str
) -> None:
    assert [v for v in reported(rec, text) if v != "3407-215586"] == []
