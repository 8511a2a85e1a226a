"""A value found once is found wherever the note repeats it, in any form."""

from __future__ import annotations

import pytest

from recognizers.repeats import repeated_spans, with_repeats


def _values(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    return [(text[r.start : r.end], r.label) for r in repeated_spans(text, spans)]


def test_when_a_spoken_number_is_read_back_in_digits_then_the_read_back_is_found() -> None:
    text = "客：ゼロキューゼロのいちにさんよんのごーろくななはち\nオペ：090-1234-5678ですね"
    spoken = (3, text.index("\n"), "PHONE_NUMBER")
    assert _values(text, [spoken]) == [("090-1234-5678", "PHONE_NUMBER")]


def test_when_a_name_is_repeated_then_each_whole_word_occurrence_is_found() -> None:
    text = "相談者 田中 様。田中様より再度連絡。田中工務店の件ではない。"
    assert _values(text, [(4, 6, "PERSON")]) == [("田中", "PERSON")]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("電話 0312345678 と 受付番号 03123456789", (3, 13, "PHONE_NUMBER")),  # longer run
        ("はるとくん、はるときいた", (0, 3, "PERSON")),  # inside a word
        ("番号 12345 と 12345", (3, 8, "PHONE_NUMBER")),  # too short to be sure
        ("記号 214 と 214", (3, 6, "HEALTH_INSURANCE_NUMBER")),  # too short even for a pair
        ("記号 2140 番号 1 と 2140円", (3, 7, "HEALTH_INSURANCE_NUMBER")),  # an amount
    ],
)
def test_when_the_repeat_is_only_a_part_of_something_else_then_it_is_not_found(
    text: str, span: tuple[int, int, str]
) -> None:
    assert _values(text, [span]) == []


def test_repeats_never_overlap_spans_already_found() -> None:
    text = "山田 山田"
    assert with_repeats(text, [(0, 2, "PERSON"), (3, 5, "ADDRESS")]) == [
        (0, 2, "PERSON"),
        (3, 5, "ADDRESS"),
    ]


def test_when_a_cards_short_symbol_is_read_back_then_the_read_back_is_found() -> None:
    text = "記号が 3071、番号が 52 です\nオペ：記号3071ですね"
    found = _values(text, [(4, 8, "HEALTH_INSURANCE_NUMBER")])
    assert found == [("3071", "HEALTH_INSURANCE_NUMBER")]


def test_when_a_number_was_said_in_pieces_then_each_piece_of_it_is_found() -> None:
    text = (
        "えーと、ろく-よん-に-きゅう\nオペ：はい\n"
        "相談者：で、棒があって、さん-ご-はち-いち-なな-ぜろ\nオペ：6429-358170ですね"
    )
    whole = text.index("6429-358170")
    found = _values(text, [(whole, whole + len("6429-358170"), "PENSION_NUMBER")])
    assert found == [
        ("ろく-よん-に-きゅう", "PENSION_NUMBER"),
        ("さん-ご-はち-いち-なな-ぜろ", "PENSION_NUMBER"),
    ]


def test_pieces_that_do_not_make_the_whole_value_are_not_found() -> None:
    text = "ろく-よん-に-きゅう、それと さん-ご-はち-いち-なな-いち\n番号 6429-358170"
    whole = text.index("6429-358170")
    assert _values(text, [(whole, whole + len("6429-358170"), "PENSION_NUMBER")]) == []


@pytest.mark.parametrize(
    ("text", "name", "parts"),
    [
        ("娘です。森 千夏といいます。\n職員「森様ですね。」森林公園", "森 千夏", ["森"]),
        ("Maria Santos here. SANTOS is my married name", "Maria Santos", ["SANTOS"]),
        ("呉羽 ヌルハンです、夫が日本人で、呉羽", "呉羽 ヌルハン", ["呉羽"]),
        # a title glued after the surname said alone
        ("岡田 喜代美委員より：\n岡田委員連絡先", "岡田 喜代美", ["岡田"]),
    ],
)
def test_when_a_part_of_a_sure_full_name_stands_alone_then_it_is_a_repeat(
    text: str, name: str, parts: list[str]
) -> None:
    at = text.index(name)
    assert [v for v, _ in _values(text, [(at, at + len(name), "PERSON")])] == parts


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("森 千夏さん。森林の管理", "森 千夏"),  # one kanji needs an honorific
        ("ヨハン・スウィネンはスウィネン社の社長", "ヨハン・スウィネン"),  # a company
        ("トンマージ・プレッティ と トンマージ・ゼーバー", "トンマージ・プレッティ"),
        # a name's particle is a word of the language too
        ("Maria de Souza. Data de nascimento 3 de maio", "Maria de Souza"),
        ("Nguyen Van An; van", "Nguyen Van An"),
        ("岡田 喜代美委員。福岡田委員会", "岡田 喜代美"),  # the kanji run on before it
    ],
)
def test_when_a_part_is_inside_another_word_or_name_then_it_is_no_repeat(
    text: str, name: str
) -> None:
    at = text.index(name)
    found = _values(text, [(at, at + len(name), "PERSON")])
    assert [v for v, _ in found if v != name] == []


def test_parts_are_taken_only_from_names_the_analyzer_is_sure_of() -> None:
    text = "森 千夏といいます。森様ですね"
    assert repeated_spans(text, [(0, 4, "PERSON")], sure=set()) == []


def test_when_a_phone_is_read_back_without_its_area_code_then_it_is_a_repeat() -> None:
    text = "ファックス086-803-1729あてに\nお客様：803の1729\n受付：はい"
    at = text.index("086")
    assert _values(text, [(at, at + 12, "PHONE_NUMBER")]) == [("803の1729", "PHONE_NUMBER")]


def test_a_shorter_tail_of_a_phone_is_no_repeat() -> None:
    text = "電話 086-803-1729、受付番号 1729"
    at = text.index("086")
    assert _values(text, [(at, at + 12, "PHONE_NUMBER")]) == []
