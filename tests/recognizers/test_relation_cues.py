"""Given names after a relation word, and readings said after a name (no model needed)."""

from __future__ import annotations

import pytest

from recognizers.person.relation_cues import (
    introduced_kana_candidates,
    relation_candidates,
    spoken_reading_candidates,
)

#: (のこ is a given name the shipped lists hold too)
GIVEN = frozenset({"真弓", "ミドリ", "あおい", "フミ", "翼", "たけし", "蒼", "健", "正", "のこ"})
SURNAMES = frozenset({"長内", "江頭", "東"})
READINGS = frozenset({"おさない", "えがしら", "ひがし"})


def _relations(text: str) -> list[str]:
    return [text[c.start : c.end] for c in relation_candidates(text, GIVEN.__contains__)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("娘の真弓が車で連れて行く", ["真弓"]),
        ("わたしは娘のミドリ", ["ミドリ"]),
        ("来年入学予定の長女 あおい（H30.9.14生）", ["あおい"]),
        ("佐々木 良治、あたしはフミ", ["フミ"]),
        ("長男 翼くん", ["翼"]),
        ("下が蒼（あおい）です", ["蒼"]),
        # one kanji standing alone in a household list's entry
        ("備考：長男\u3000翼 就職のため", ["翼"]),
        ("世帯員：\n\u3000長男の健（会社の社保加入）", ["健"]),
    ],
)
def test_when_a_relation_word_introduces_a_known_given_name_then_it_is_found(
    text: str, expected: list[str]
) -> None:
    assert _relations(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "娘の学校から連絡",  # a word, not a name the dictionary knows
        "妻の実家に帰省中",
        "電子レンジとソファ",  # 子 is no relation word here
        # one kanji inside a word, or after a relation word inside a sentence
        "父の正月休み",
        "うちの長男の健康のこと",
        "義理の長男の健（仮）",
        "義理の父のことで相談",  # the particle after the relation word opens no name
    ],
)
def test_when_no_name_follows_the_relation_word_then_nothing(text: str) -> None:
    assert _relations(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("住：長内、おさない、わだ", ["おさない"]),
        ("B: 江頭です、えがしら。電話は", ["えがしら"]),
        ("相談者：東です、ひがし。東 トシエ", ["ひがし"]),
        ("相談者：東です、はい。", []),  # はい is no reading
    ],
)
def test_when_a_name_is_said_again_in_kana_then_the_kana_is_a_reading(
    text: str, expected: list[str]
) -> None:
    found = spoken_reading_candidates(text, lambda w: w in SURNAMES, READINGS.__contains__)
    assert [text[c.start : c.end] for c in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # speech-to-text's blanks for commas; a word followed by its own reading is a
        # name spelled, rare surnames included: both are names
        ("八戸の 沼舘 です ぬまだて です あの", ["沼舘", "ぬまだて"]),
        ("名前は 吉村 です よしむら", ["吉村", "よしむら"]),
    ],
)
def test_when_a_word_is_followed_by_its_own_reading_then_both_are_names(
    text: str, expected: list[str]
) -> None:
    readings = {"沼舘": "ぬまだて", "吉村": "よしむら"}

    def reads_as(kanji: str, kana: str) -> bool:
        return readings.get(kanji) == kana

    found = spoken_reading_candidates(text, lambda w: False, lambda w: False, reads_as)
    assert [text[c.start : c.end] for c in found] == expected


def test_when_the_kana_comes_first_then_the_kanji_it_reads_and_it_are_names() -> None:
    text = "すみません、わたしかわばた、川端よし子と申します。"

    def reads_as(kanji: str, kana: str) -> bool:
        return (kanji, kana) == ("川端", "かわばた")

    found = spoken_reading_candidates(text, lambda w: False, lambda w: False, reads_as)
    assert [text[c.start : c.end] for c in found] == ["かわばた", "川端"]
    # the kana of another word before a kanji word is nothing
    assert (
        spoken_reading_candidates(
            "ありがとう、山田です", lambda w: False, lambda w: False, reads_as
        )
        == []
    )


KANA_SURNAMES = frozenset({"やまもと", "のなか", "すずき", "たかい", "なかむら"})


def _introduced(text: str) -> list[str]:
    def is_surname(word: str) -> bool:
        return word.translate({c: c - 0x60 for c in range(0x30A1, 0x30F7)}) in KANA_SURNAMES

    return [text[c.start : c.end] for c in introduced_kana_candidates(text, is_surname)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("お電話しました あの やまもと です えー", ["やまもと"]),
        ("年金のことで電話しました のなか です 野原の野に", ["のなか"]),
        ("ルスデン デスカ エート スズキ デス", ["スズキ"]),
        ("えー、なかむら と申します", ["なかむら"]),
    ],
)
def test_when_a_caller_says_a_surname_in_kana_after_a_filler_then_it_is_found(
    text: str, expected: list[str]
) -> None:
    assert _introduced(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "あの たかい です",  # an adjective that reads like 高井
        "あの そうです",  # too short to be told from a word
        "あの ごみ です",  # not a surname
        "このやまもと です",  # no filler before it
    ],
)
def test_when_no_surname_follows_the_filler_then_nothing(text: str) -> None:
    assert _introduced(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("夫：Do Van Quang、電話 +84 912", ["Do Van Quang"]),  # a Latin name after the label
        ("長男 | 蓮 | H24.2.29 |", ["蓮"]),  # a household table's cells
    ],
)
def test_a_relation_label_before_a_latin_name_or_a_table_cell_names_it(
    text: str, expected: list[str]
) -> None:
    found = relation_candidates(text, frozenset({"蓮"}).__contains__)
    assert [text[c.start : c.end] for c in found] == expected
