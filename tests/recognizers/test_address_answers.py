"""An address said in answer to an address question is found whole (no model needed)."""

from __future__ import annotations

import pytest

from recognizers.jp_address_recognizer import JpAddressRecognizer


@pytest.fixture(scope="module")
def recognizer() -> JpAddressRecognizer:
    return JpAddressRecognizer()


def _addresses(rec: JpAddressRecognizer, text: str) -> list[str]:
    return [text[r.start : r.end] for r in rec.analyze(text, ["ADDRESS"]) if r.score >= 0.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser finds the end; the answer's place words before it belong to it
        (
            "オペ：ご住所は\n相談者：呉の、ひろこしんかい、ななちょうめ、さんじゅうにのよん\n"
            "オペ：呉市広古新開7丁目32-4ですね",
            ["呉の、ひろこしんかい、ななちょうめ、さんじゅうにのよん", "呉市広古新開7丁目32-4"],
        ),
        # a building and its room, alone in a turn that answers where
        (
            "【オペレーター】団地名と部屋番号は\n【お客様】南が丘団地の、3号棟の、ごまるに\n"
            "【オペレーター】3号棟502号室、ありがとうございます。",
            ["南が丘団地の、3号棟の、ごまるに", "3号棟502号室"],
        ),
        # a town said in kana the parser cannot read, its block, a correction: the answer
        (
            "オ：ご住所をお願いします\n住：しもしろがねちょう、じゅうさん、の、あ、いや、"
            "じゅうよん、の、はち\nオ：下白銀町14-8ですね\n住：んだ",
            ["しもしろがねちょう、じゅうさん、の、あ、いや、じゅうよん、の、はち", "下白銀町14-8"],
        ),
        # the place ends before the next value's label
        (
            "職員：住所と電話番号も確認させてください。\n"
            "通訳：福岡市博多区千代4丁目27-3 ラフォーレ千代503、携帯は090-8847-3362です。",
            ["福岡市博多区千代4丁目27-3 ラフォーレ千代503"],
        ),
        # the room in a Korean or a Chinese answer (호, 室) ends the address
        (
            "受付：お名前は。\n相談者：김민준입니다.\n受付：今のご住所は。\n"
            "相談者：오사카시 이쿠노구 모모다니 2초메 5-18, 하이츠모모다니 302호.\n"
            "通訳：大阪市生野区桃谷2丁目5-18です。",
            [
                "오사카시 이쿠노구 모모다니 2초메 5-18, 하이츠모모다니 302호",
                "大阪市生野区桃谷2丁目5-18",
            ],
        ),
        # the answer stops at the copula and at the next sentence
        (
            "オペ：ご住所をお願いします\n相談者：はい、大阪市北区天神橋2丁目3-4です。電話は\n"
            "オペ：ありがとうございます",
            ["大阪市北区天神橋2丁目3-4"],
        ),
    ],
)
def test_when_a_turn_answers_an_address_question_then_the_answer_is_found_whole(
    recognizer: JpAddressRecognizer, text: str, expected: list[str]
) -> None:
    assert _addresses(recognizer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no question asked where: digits and katakana in a turn stay what they are
        "オペ：ご用件は\n相談者：ポイントカード500の件で\nオペ：ポイントですね\n相談者：はい",
        # a phone number in a turn after an address question is no room number
        "オペ：ご住所は\n相談者：あとで言います、電話は090で\nオペ：承知しました\n相談者：はい",
        # a duration in a line after the question is no room
        "職員：住所は変わっていませんか。\n通訳：はい、変わってないです。\n（通訳所要時間 14分）",
    ],
)
def test_when_no_address_is_answered_then_no_building_is_made_up(
    recognizer: JpAddressRecognizer, text: str
) -> None:
    assert _addresses(recognizer, text) == []
