"""JpHealthInsuranceRecognizer: 被保険者番号 and 記号・番号, only after a health-insurance label."""

from __future__ import annotations

import pytest

from recognizers.jp_health_insurance_recognizer import JpHealthInsuranceRecognizer

ENTITY = "HEALTH_INSURANCE_NUMBER"
THRESHOLD = 0.5


@pytest.fixture(scope="module")
def rec() -> JpHealthInsuranceRecognizer:
    return JpHealthInsuranceRecognizer()


def reported(rec: JpHealthInsuranceRecognizer, text: str) -> list[str]:
    return [
        text[r.start : r.end] for r in rec.analyze(text, [ENTITY], None) if r.score >= THRESHOLD
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("被保険者番号：0003395162\n住所：", ["0003395162"]),
        ("後期高齢者医療の被保険者番号00387145の保険証", ["00387145"]),
        ("被保険者番号は０００３３９５１６２です", ["０００３３９５１６２"]),
        ("介護保険の被保険者番号 〇〇〇一二三四五六七", ["〇〇〇一二三四五六七"]),
        ("後期高齢 被保番号00412857 携帯〇九〇・三三八一", ["00412857"]),
        ("要介護認定 更新 → 申請書受理 被保番 0001186420", ["0001186420"]),  # a memo's short form
        ("国保記号番号 03-1187254。", ["03-1187254"]),
        ("国保記号番号 ０３－１１８７２５４", ["０３－１１８７２５４"]),
        ("旧保険証の表示は記号17 番号0962531で", ["17", "0962531"]),
        ("保険証の 記号 ＡＢ１２ 番号 ３４５６", ["ＡＢ１２", "３４５６"]),
        ("保険証の番号はわかりますか ええと 0781463 ですね", ["0781463"]),
        ("保険証の番号は ぜろななはちいちよんろくさん です", ["ぜろななはちいちよんろくさん"]),
        ("保険者番号 06270014 被保険者番号 00387145", ["00387145"]),
        # read out with pauses of no fixed shape, or keyed in groups off a scan
        (
            "被保険者番号は ぜろぜろいち、よんさんの、ななはちに",
            ["ぜろぜろいち、よんさんの、ななはちに"],
        ),
        ("被保険者番号 0 0529 316", ["0 0529 316"]),
        ("保険証の記号が 2604、番号が さん、ご、いち、はち", ["2604", "さん、ご、いち、はち"]),
        # a 記号 said the long way, one printed after a town's kanji, kana and romaji labels
        (
            "保険証の記号がさんじゅうご、番号がよんにーいちなな",
            ["さんじゅうご", "よんにーいちなな"],
        ),
        ("国保 記号 那 14 番号 52087", ["那 14", "52087"]),
        ("seguro kigō 31, bangō 44120", ["31", "44120"]),
        # one blank inside, as typed or scanned
        ("保険証の番号は 0041 2877 です", ["0041 2877"]),
    ],
)
def test_insured_numbers_are_found_after_a_health_insurance_label(
    rec: JpHealthInsuranceRecognizer, text: str, values: list[str]
) -> None:
    assert sorted(reported(rec, text)) == sorted(values)


@pytest.mark.parametrize(
    "text",
    [
        "0003395162",
        "お客様番号 00387145",
        "保険者番号 06270014",
        "被保険者番号は0001057733、個人番号は123456789018",
        "保険証 なし 電話 06-6955-1734",
        "被保険者番号\n受付 00387145",
        "年金手帳の記号 1234 番号 567890",  # a pension handbook's pair
        "ゆうちょの記号 12340 番号 12345678",  # a bank account's pair
        "保険証 AB12345678CD",
        "被保険者番号 12345",
        "保険証 2024 11月",  # a year and a month
        "保険証 0041 2877 3321",  # a blank too many for one split number
    ],
)
def test_digits_without_a_health_insurance_label_are_not_reported(
    rec: JpHealthInsuranceRecognizer, text: str
) -> None:
    assert [v for v in reported(rec, text) if v != "0001057733"] == []


@pytest.mark.parametrize(
    "note",
    [
        "保険年金係です。 記号「14」番号「30277」で確認できました。",
        "健康保険の 記号 14　番号 30277",
    ],
)
def test_when_a_card_pair_is_quoted_or_spaced_after_an_insurance_word_then_both_are_found(
    note: str,
) -> None:
    results = JpHealthInsuranceRecognizer().analyze(note, ["HEALTH_INSURANCE_NUMBER"])
    assert [note[r.start : r.end] for r in results if r.score >= 0.5] == ["14", "30277"]
