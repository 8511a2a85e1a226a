"""Spanish and Portuguese number words read into their values, and birth dates said so."""

from __future__ import annotations

from datetime import date

import pytest

from recognizers.foreign_cardinals import cardinal_value
from recognizers.jp_date_of_birth_recognizer import JpDateOfBirthRecognizer


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("catorce", 14),
        ("treinta y uno", 31),
        ("vinte e dois", 22),
        ("dos mil diecisiete", 2017),
        ("mil novecientos ochenta y siete", 1987),
        ("mil novecentos e oitenta e sete", 1987),
        ("oitenta e sete", 87),
        ("dos mil", 2000),
    ],
)
def test_number_words_read_into_their_value(words: str, value: int) -> None:
    assert cardinal_value(words) == value


@pytest.mark.parametrize("words", ["y dos", "dos tres", "mil mil", "ciento doscientos", "dos y"])
def test_runs_that_are_no_number_read_as_none(words: str) -> None:
    assert cardinal_value(words) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "nació el catorce de febrero de dos mil diecisiete.",
            "catorce de febrero de dos mil diecisiete",
        ),
        (
            "Nasci em vinte e dois de novembro de mil novecentos e oitenta e sete.",
            "vinte e dois de novembro de mil novecentos e oitenta e sete",
        ),
        (
            "Fecha de nacimiento: treinta y uno de diciembre de mil novecientos noventa",
            "treinta y uno de diciembre de mil novecientos noventa",
        ),
    ],
)
def test_a_birth_date_said_in_words_is_found(text: str, value: str) -> None:
    rec = JpDateOfBirthRecognizer(today=lambda: date(2024, 12, 1))
    found = [text[r.start : r.end] for r in rec.analyze(text, ["DATE_OF_BIRTH"]) if r.score >= 0.5]
    assert found == [value]


@pytest.mark.parametrize(
    "text",
    [
        "Llegué el dos de marzo de dos mil veinte a Japón.",  # an arrival, no birth word
        "Nació el treinta de febrero de dos mil uno.",  # no such day
    ],
)
def test_a_date_said_in_words_that_is_no_birth_date_is_left(text: str) -> None:
    rec = JpDateOfBirthRecognizer(today=lambda: date(2024, 12, 1))
    assert [r for r in rec.analyze(text, ["DATE_OF_BIRTH"]) if r.score >= 0.5] == []
