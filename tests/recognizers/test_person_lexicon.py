"""person_lexicon: kana and kanji names split into a known surname and given name."""

from __future__ import annotations

import pytest

from recognizers.data.build_gsd_katakana_names import build as build_gsd
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


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("ナスターゼ", True),  # a name part from UD GSD train's PERSON spans
        ("ヴィータウタス", True),
        ("キリスト", False),  # inside other entities as often: dropped by the build
        ("ファン", False),  # mostly an ordinary word in the corpus
        ("ナ", False),
        ("", False),
    ],
)
def test_katakana_name_parts_come_from_the_gsd_list(word: str, expected: bool) -> None:
    assert LEXICON.is_katakana_part(word) is expected


def test_the_katakana_list_can_be_left_out() -> None:
    lexicon = load_person_lexicon(katakana_path=None)
    assert not lexicon.is_katakana_part("ナスターゼ")
    assert lexicon.is_surname("佐藤")


def _row(text: str, *spans: tuple[int, int, str]) -> dict[str, object]:
    return {"text": text, "spans": [{"start": s, "end": e, "label": lab} for s, e, lab in spans]}


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # a name part in a PERSON span is kept, the ・ splits parts
        ([_row("ヨガイラ・ナスターゼが来た", (0, 10, "PERSON"))], ["ナスターゼ", "ヨガイラ"]),
        # as often inside another label: dropped; one-sound parts dropped
        ([_row("ロックとロック", (0, 3, "PERSON"), (4, 7, "ORG"))], []),
        ([_row("ララは", (0, 2, "PERSON"))], []),
        # outside any entity more than twice as often as in a name: an ordinary word
        ([_row("ファンのファンとファン", (4, 7, "PERSON"))], []),
        ([_row("漢字だけ", (0, 2, "PERSON"))], []),
        ([], []),
    ],
)
def test_the_gsd_builder_keeps_only_parts_that_are_mostly_names(
    rows: list[dict[str, object]], expected: list[str]
) -> None:
    assert build_gsd(rows) == expected
