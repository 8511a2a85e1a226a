"""Numbers read the long way become canonical digits with their counters; words stay words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recognizers.normalize import normalize


@pytest.mark.parametrize(
    ("spoken", "canonical"),
    [
        ("しょうわごじゅうねんのしちがつふつかです", "昭和50年の7月2日です"),
        ("へいせいじゅうねんのさんがつ にじゅうくにち", "平成10年の3月 29日"),
        ("れいわがんねんごがつついたち", "令和元年5月1日"),
        ("せんきゅうひゃくはちじゅうごねんじゅうがつとおか", "1985年10月10日"),
        ("ショウワ47ネン", "昭和47年"),
        ("じゅうにがつじゅうよっか", "12月14日"),
        ("ろっぴゃくにじゅうばんち", "620番地"),
        ("みなみまちのにちょうめのじゅうさんのよん", "みなみまちの2丁目の13-4"),
        ("にしじゅうさんじょうきたにちょうめ", "にし13条きた2丁目"),
        ("生年月日はしがつふつか", "生年月日は4月2日"),
        ("はっせんさんびゃくごじゅうさい", "8350歳"),
        # a counter right after a ten is the counter: thirty + 日, not 32 + ち
        ("へいせいじゅうにねんの、ろくがつ、さんじゅうにち", "平成12年の、6月、30日"),
        ("にじゅうにちに", "20日に"),
        ("にじゅうにちょうめ", "22丁目"),
        # a number of a hundred or more needs no counter (the first group of a pension number)
        ("よんせんろっぴゃくにじゅうの、ななまるいち", "4620-701"),
        ("さんぜんにひゃく、です", "3200、です"),
    ],
)
def test_when_a_number_is_read_out_with_its_counter_then_it_is_canonical(
    spoken: str, canonical: str
) -> None:
    assert normalize(spoken).text == canonical


@pytest.mark.parametrize(
    "words",
    [
        "じゅうしょはどちら",  # 住所, not 10 + しょ
        "じゅうぶんです",
        "田中さんにちょっと",  # the honorific, then に + ちょっと
        "田中さんにきいた",
        "ヤマダさんばかり",
        "にさんにち",  # two or three days
        "にちようびにきます",
        "センセイ",
        "あしたにきます",
        "しょうわのじだい",  # an era with no year
        "さんびゃくえん",  # an amount is no number to read
        "じゅうの、あ",  # a ten alone stays a word
    ],
)
def test_when_kana_only_look_like_numbers_then_they_stay_words(words: str) -> None:
    assert normalize(words).text == words


_KANA_DIGITS = ["", "いち", "に", "さん", "よん", "ご", "ろく", "なな", "はち", "きゅう"]


def _kana_year(n: int) -> str:
    tens, ones = divmod(n, 10)
    out = ""
    if tens:
        out += ("" if tens == 1 else _KANA_DIGITS[tens]) + "じゅう"
    return out + _KANA_DIGITS[ones]


@given(st.integers(1, 63), st.integers(1, 12), st.sampled_from(["", "の", "、", " "]))
def test_any_showa_year_and_month_read_out_is_found_whole(year: int, month: int, sep: str) -> None:
    spoken = f"しょうわ{_kana_year(year)}ねん{sep}{_kana_year(month)}がつ"
    norm = normalize(spoken)
    assert norm.text == f"昭和{year}年{sep}{month}月"
    assert norm.to_original(0, len(norm.text)) == (0, len(spoken))


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("025の、ろくにーはちの、さんよんきゅーなな", "025-628-3497"),
        ("022、223、9647", "022-223-9647"),
        ("1234 5678 9018", "1234 5678 9018"),  # a plain blank between groups stays
    ],
)
def test_when_digit_groups_are_paused_between_then_one_dash_joins_them(
    written: str, canonical: str
) -> None:
    assert normalize(written).text == canonical
