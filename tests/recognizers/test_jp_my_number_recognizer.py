"""JpMyNumberRecognizer: check digit, every digit form, and the nearest label word."""

from __future__ import annotations

import pytest

from recognizers.jp_my_number_recognizer import (
    JpMyNumberRecognizer,
    is_valid_my_number,
    my_number_check_digit,
)

ENTITY = "MY_NUMBER"
THRESHOLD = 0.5


@pytest.fixture(scope="module")
def rec() -> JpMyNumberRecognizer:
    return JpMyNumberRecognizer()


def reported(rec: JpMyNumberRecognizer, text: str) -> list[str]:
    return [
        text[r.start : r.end] for r in rec.analyze(text, [ENTITY], None) if r.score >= THRESHOLD
    ]


@pytest.mark.parametrize(
    ("first11", "check"),
    [("12345678901", 8), ("39019158077", 2), ("20239258550", 0), ("87654321098", 9)],
)
def test_check_digit_matches_known_vectors(first11: str, check: int) -> None:
    assert my_number_check_digit(first11) == check


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("123456789018", True),
        ("1234-5678-9018", True),
        ("123456789019", False),
        ("12345678901", False),
        ("1234567890180", False),
        ("", False),
    ],
)
def test_validity_needs_twelve_digits_and_the_check_digit(value: str, valid: bool) -> None:
    assert is_valid_my_number(value) is valid


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("個人番号：123456789018", "123456789018"),
        ("個人番号：1234 5678 9018\n用件：転居", "1234 5678 9018"),
        ("個人番号は3901-9158-0772です。", "3901-9158-0772"),
        ("個人番号：１２３４　５６７８　９０１８", "１２３４　５６７８　９０１８"),
        ("個人番号：１２３４－５６７８－９０１８", "１２３４－５６７８－９０１８"),
        ("個人番号は一二三四五六七八九〇一八です", "一二三四五六七八九〇一八"),
        ("個人番号欄には八七六五 四三二一 〇九八九を記入", "八七六五 四三二一 〇九八九"),
        (
            "マイナンバーは いちにーさんよん ごーろくななはち きゅーぜろいちはち です",
            "いちにーさんよん ごーろくななはち きゅーぜろいちはち",
        ),
        ("通知カードで把握済とのことで読み上げあり：202392585500。", "202392585500"),
        ("番号法の対象です 876543210989", "876543210989"),
        ("保護者個人番号：390191580772", "390191580772"),
        ("個人番号 1234.5678.9018", "1234.5678.9018"),
        # boxed digit by digit on a scan; an English label; a memo's short form
        ("個人番号 |1|2|3|4|5|6|7|8|9|0|1|8|", "1|2|3|4|5|6|7|8|9|0|1|8"),
        ("個人番号│3│9│0│1│9│1│5│8│0│7│7│2│", "3│9│0│1│9│1│5│8│0│7│7│2"),
        ("My Number: 3901-9158-0772", "3901-9158-0772"),
        ("個番 876543210989", "876543210989"),
    ],
)
def test_when_valid_number_follows_a_my_number_word_then_it_is_reported(
    rec: JpMyNumberRecognizer, text: str, value: str
) -> None:
    results = [r for r in rec.analyze(text, [ENTITY], None) if r.score >= THRESHOLD]
    assert [text[r.start : r.end] for r in results] == [value]
    assert results[0].score >= 0.85


@pytest.mark.parametrize(
    "text",
    [
        "個人番号って言ったほうがいいですか いえ結構です あもう言っちゃいます 3901 9158 0772",
        "マイナンバーカードなくしました お名前は武田です 番号は控えてあります 3901 9158 0772",
        "マイナンバーカードの件 本人が番号を読み上げ 1234 5678 9018",
    ],
)
def test_when_my_number_word_is_further_away_the_number_is_still_reported(
    rec: JpMyNumberRecognizer, text: str
) -> None:
    assert len(reported(rec, text)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "123456789018",
        "お客様の番号は 1234 5678 9018 です",
        "整理票 3901-9158-0772",
    ],
)
def test_when_no_my_number_word_then_a_valid_number_stays_below_threshold(
    rec: JpMyNumberRecognizer, text: str
) -> None:
    results = rec.analyze(text, [ENTITY], None)
    assert results, "a valid number is still a low-score candidate"
    assert all(r.score < THRESHOLD for r in results)


@pytest.mark.parametrize(
    "text",
    [
        # check digit fails
        "個人番号：123456789019",
        "個人番号：1234 5678 9019",
        "個人番号は一二三四五六七八九〇一九です",
        # a window inside a longer run (法人番号 13 digits, grouped runs)
        "法人番号 1234567890180",
        "個人番号：1123456789018",
        "個人番号：1234567890189",
        "個人番号：1234 5678 9018 3",
        "個人番号：7 1234 5678 9018",
        "個人番号：1234-5678-9018-3",
        "個人番号：1234.5678.9018.3",
        # another identifier is named nearest before the number
        "運転免許証番号：123456789018",
        "免許証番号 第390191580772号",
        "運転免許証で大丈夫ですか 大丈夫です 876543210989 これです",
        "個人番号は記入済\n運転免許証番号：202392585500",
        "マイナンバーカードの件で 受付番号 123456789018",
        "個人番号と電話番号 123456789018",
        # malformed
        "個人番号：1234 5678",
        "個人番号：12345678901",
        "個人番号：",
        "",
    ],
)
def test_when_check_fails_or_number_is_someone_elses_then_no_my_number(
    rec: JpMyNumberRecognizer, text: str
) -> None:
    assert reported(rec, text) == []


def test_a_valid_number_named_as_a_licence_just_after_is_not_a_candidate(
    rec: JpMyNumberRecognizer,
) -> None:
    assert rec.analyze("123456789018（運転免許証）", [ENTITY], None) == []


def test_spans_are_on_original_offsets_with_full_width_spaces(
    rec: JpMyNumberRecognizer,
) -> None:
    text = "住所は大阪市、個人番号は四九〇三　五一三八　三六九八、電話は090-4187-3352"
    [r] = [r for r in rec.analyze(text, [ENTITY], None) if r.score >= THRESHOLD]
    assert text[r.start : r.end] == "四九〇三　五一三八　三六九八"


def test_registry_context_override_replaces_the_my_number_words() -> None:
    rec = JpMyNumberRecognizer(context=["ナンバー"])
    assert reported(rec, "ナンバー 123456789018") == ["123456789018"]
    assert reported(rec, "個人番号 123456789018") == []
