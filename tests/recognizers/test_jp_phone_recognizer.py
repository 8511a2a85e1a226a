"""JpPhoneRecognizer: the Japanese numbering plan in every digit form, and what is not a phone."""

from __future__ import annotations

import pytest

from recognizers.jp_phone_recognizer import JpPhoneRecognizer

ENTITY = "PHONE_NUMBER"
THRESHOLD = 0.5


@pytest.fixture(scope="module")
def rec() -> JpPhoneRecognizer:
    return JpPhoneRecognizer()


def reported(rec: JpPhoneRecognizer, text: str) -> list[str]:
    return [
        text[r.start : r.end] for r in rec.analyze(text, [ENTITY], None) if r.score >= THRESHOLD
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # fixed lines: 1- to 4-digit area codes, hyphens, spaces, parentheses
        ("TEL 03-6809-4412。", "03-6809-4412"),
        ("電話：06-6305-1187", "06-6305-1187"),
        ("電話：045-561-3392", "045-561-3392"),
        ("TEL 072-298-3354", "072-298-3354"),
        ("電話：0166-22-1234", "0166-22-1234"),
        ("電話：06(6315)2240\n", "06(6315)2240"),
        ("折返し (06)6725-3391、", "(06)6725-3391"),
        ("電話：06 6308 2217\n", "06 6308 2217"),
        ("TEL: 06.6305.1187", "06.6305.1187"),
        # mobile, IP, toll-free, navi-dial
        ("電話：(080)4733-2190\n", "(080)4733-2190"),
        ("連絡先 090-3318-7264（日中可）", "090-3318-7264"),
        ("氏名：上野\n電話：070 1582 4436\n", "070 1582 4436"),
        ("連絡先は050-3786-2214です。", "050-3786-2214"),
        ("コールセンター（0120-48-3920）", "0120-48-3920"),
        ("ガス会社（0800-300-2147）へ", "0800-300-2147"),
        ("電話：0570-018-224（勤務先代表）", "0570-018-224"),
        ("携帯 09033187264 です", "09033187264"),
        ("自宅の電話 0663051187", "0663051187"),
        # +81 and foreign numbers
        ("連絡先は+81-80-4426-1937です。", "+81-80-4426-1937"),
        ("電話番号は+81 70 3384 2951です。", "+81 70 3384 2951"),
        ("電話：+81-6-6462-0917\n", "+81-6-6462-0917"),
        ("シンガポールの番号 +65 6123 4567 に", "+65 6123 4567"),
        ("電話 ＋８１－９０－３３１８－７２６４", "＋８１－９０－３３１８－７２６４"),
        # full-width, kanji, separators
        ("TEL ０６－６４７１－２２０８", "０６－６４７１－２２０８"),
        ("連絡先：〇六‐六三九四‐五五二〇\n", "〇六‐六三九四‐五五二〇"),
        ("携帯〇九〇・三三八一・七七二〇", "〇九〇・三三八一・七七二〇"),
        ("電話：〇八〇－七二六三－四一九五\n", "〇八〇－七二六三－四一九五"),
        # spoken kana, with の or spaces between groups: one span, first to last digit
        (
            "電話だけ ゼロナナゼロのハチハチイチサンのニーゴーヨンキュー",
            "ゼロナナゼロのハチハチイチサンのニーゴーヨンキュー",
        ),
        (
            "電話番号は ゼロロク ロクヨンロクイチ ナナゴーゴーサン",
            "ゼロロク ロクヨンロクイチ ナナゴーゴーサン",
        ),
        (
            "電話番号は ぜろはちぜろのにーいちきゅうごのななよんろくいち です",
            "ぜろはちぜろのにーいちきゅうごのななよんろくいち",
        ),
        (
            "フリーダイヤル ゼロイチニーゼロ ヨンハチ サンキューニーゼロ で",
            "ゼロイチニーゼロ ヨンハチ サンキューニーゼロ",
        ),
        # fillers and pauses inside a number read out stay inside its one span
        (
            "番号は えーと ゼロキュー えーと ゼロの いちにさんよん の ごーろくななはち です",
            "ゼロキュー えーと ゼロの いちにさんよん の ごーろくななはち",
        ),
        ("携帯は〇九〇の一二三四の五六七八です", "〇九〇の一二三四の五六七八"),
        ("携帯 09-0-1234-5678", "09-0-1234-5678"),
        # the extension stays outside the span
        ("電話：06-6614-2285（内線214）", "06-6614-2285"),
        ("電話：06-6614-2285 内線214", "06-6614-2285"),
    ],
)
def test_when_a_valid_number_is_written_then_the_span_is_the_number_only(
    rec: JpPhoneRecognizer, text: str, value: str
) -> None:
    assert reported(rec, text) == [value]


def test_two_numbers_separated_by_a_space_are_two_spans(rec: JpPhoneRecognizer) -> None:
    text = "TEL 06-6477-3810 06-6477-3811"
    assert reported(rec, text) == ["06-6477-3810", "06-6477-3811"]


@pytest.mark.parametrize(
    "text",
    [
        # not phone numbers by the rules
        "受付番号 0120-48-3920",
        "手数料 12,000円",
        "予約日 2024-05-01",
        "予約日 06.05.2024",
        "郵便番号 532-0011",
        "〒060-0001",
        "基礎年金番号 1234-567890",
        "口座番号 0358812",
        "被保険者番号 0001057733",
        "被保険者番号 0663051187",
        "国保記号番号 03-1187254",
        "個人番号 3901 9158 0772",
        "個人番号 0123 4567 8901",
        # a 10-digit run without context is not reported
        "整理票 0663051187",
        # windows inside longer runs
        "06-6305-11877",
        "106-6305-1187",
        "1-06-6305-1187",
        # well formed but outside the numbering plan
        "電話 03-1234-567",
        "電話 0000-00-0000",
        # malformed
        "電話 06-",
        "電話 ++81",
        "",
    ],
)
def test_when_a_number_is_not_a_phone_then_nothing_is_reported(
    rec: JpPhoneRecognizer, text: str
) -> None:
    assert reported(rec, text) == []


def test_valid_phone_without_any_context_is_reported_when_grouped(
    rec: JpPhoneRecognizer,
) -> None:
    assert reported(rec, "区役所で更新と案内。06-6909-5524") == ["06-6909-5524"]


def test_a_national_number_the_plan_refuses_is_a_phone_only_where_one_was_asked() -> None:
    rec = JpPhoneRecognizer()
    asked = "オペ：ご連絡先もお願いできますか\n相談者：070-394-1288です\nオペ：桁が\n相談者：あ"
    unasked = "お客様番号 070-394-1288 で照会"

    def found(text: str) -> list[str]:
        results = rec.analyze(text, ["PHONE_NUMBER"])
        return [text[r.start : r.end] for r in results if r.score >= 0.5]

    assert found(asked) == ["070-394-1288"]
    assert found(unasked) == []
    assert found("受付番号 070-394-1288") == []
