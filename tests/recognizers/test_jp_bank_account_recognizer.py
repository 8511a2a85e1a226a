"""JpBankAccountRecognizer: 7-digit accounts and ゆうちょ 記号・番号 after an account word."""

from __future__ import annotations

import pytest

from recognizers.jp_bank_account_recognizer import JpBankAccountRecognizer

ENTITY = "BANK_ACCOUNT"
THRESHOLD = 0.5


@pytest.fixture(scope="module")
def rec() -> JpBankAccountRecognizer:
    return JpBankAccountRecognizer()


def reported(rec: JpBankAccountRecognizer, text: str) -> list[str]:
    return [
        text[r.start : r.end] for r in rec.analyze(text, [ENTITY], None) if r.score >= THRESHOLD
    ]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("口座番号1234567", ["1234567"]),
        ("口座番号：１２３４５６７", ["１２３４５６７"]),
        ("振替口座：三つ葉銀行 十三支店 普通 4821937。", ["4821937"]),
        ("阿倍野支店の普通預金、口座番号7719406とのこと", ["7719406"]),
        ("振込先の口座番号は2048815（普通）", ["2048815"]),
        ("口座番号は いちにさんよん ごーろくなな です", ["いちにさんよん ごーろくなな"]),
        ("口座番号は一二三四五六七です", ["一二三四五六七"]),
        ("ゆうちょ銀行 記号14170 番号38265911とのこと", ["14170", "38265911"]),
        ("ゆうちょ銀行 記号１４１７０ 番号３８２６５９１１", ["１４１７０", "３８２６５９１１"]),
        ("振込先：ゆうちょ銀行 記号番号 14180-50227761\n", ["14180-50227761"]),
        ("振込先をゆうちょに変えたいんです 記号番号は 14040 28831941 です", ["14040 28831941"]),
        # said with pauses, the 記号 and 番号 in kana or romaji, each in its own message
        (
            "ゆうちょの記号が、いちさんよんごーぜろ、番号が、ろくろく、にーいち、はちはちいち",
            ["いちさんよんごーぜろ", "ろくろく、にーいち、はちはちいち"],
        ),
        ("ゆうちょです kigo 13290, bango 50412281", ["13290", "50412281"]),
        ("ゆうちょ きごう 10950", ["10950"]),
        ("ゆうちょの番号は 3318 2061 でした", ["3318 2061"]),
        ("→復唱 記号13350／番号40718821 了承", ["13350", "40718821"]),
        # one blank inside the seven digits, as a scan or a typist splits them
        ("受取口座 岩手銀行 大通支店 普通 2039 541", ["2039 541"]),
        ("普通預金 123 4567 です", ["123 4567"]),
        ("振込先 福岡銀行 千代町支店 普通 l8 44O 92 名義", ["l8 44O 92"]),
    ],
)
def test_account_values_are_found_without_their_labels(
    rec: JpBankAccountRecognizer, text: str, values: list[str]
) -> None:
    assert sorted(reported(rec, text)) == sorted(values)


@pytest.mark.parametrize(
    "text",
    [
        "受付番号 1234567",
        "口座振替の件、お客様番号 1234567",
        "普通預金 口座番号 1111111、受付番号 7654321",
        "金額 1234567円",
        "口座番号 12345678",  # eight digits: not a bank account number
        "口座番号 123456",
        "口座 AB1234567",
        "保険証の記号 12340 番号 12345678",
        "国保記号番号 1187254",
        "普通\n受付：1234567",
        "普通 2024 年の",  # a year and a word, not seven digits
        "口座 1234 5678",  # eight digits
        "普通 12 34 56 7",  # three blanks: digits of a list, not one number
    ],
)
def test_seven_digits_without_an_account_word_are_not_reported(
    rec: JpBankAccountRecognizer, text: str
) -> None:
    assert [v for v in reported(rec, text) if v != "1111111"] == []


def test_when_a_yucho_pair_is_labelled_then_it_needs_no_account_word_on_its_line() -> None:
    note = "振込先はゆうちょ銀行を希望します。\n記号 16330　番号 21784561"
    results = JpBankAccountRecognizer().analyze(note, ["BANK_ACCOUNT"])
    assert [note[r.start : r.end] for r in results if r.score >= 0.5] == ["16330", "21784561"]
