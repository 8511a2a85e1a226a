"""person_lexicon: kana and kanji names split into a known surname and given name."""

from __future__ import annotations

import pytest

from recognizers.person_lexicon import load_person_lexicon, to_hiragana

LEXICON = load_person_lexicon()


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("ささきりょうた", ("ささき", "りょうた")),
        ("大野ひなた", ("大野", "ひなた")),
        ("タカハシミノル", ("タカハシ", "ミノル")),
        ("もしもし", None),
        ("おねがいします", None),
        ("", None),
    ],
)
def test_split_full_name_needs_both_halves_in_the_lists(
    word: str, expected: tuple[str, str] | None
) -> None:
    assert LEXICON.split_full_name(word) == expected


def test_surnames_are_known_in_kanji_kana_and_romaji() -> None:
    assert LEXICON.is_surname("佐藤")
    assert LEXICON.is_surname("サトウ")
    assert LEXICON.is_romaji_part("SATO")
    assert not LEXICON.is_surname("ありがとう")


def test_to_hiragana_leaves_everything_but_katakana() -> None:
    assert to_hiragana("ヒラノ 早苗a") == "ひらの 早苗a"
