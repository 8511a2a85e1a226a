"""Latin-script names by their cue or their shape (no model needed)."""

from __future__ import annotations

import pytest

from recognizers.person.latin_names import latin_name_candidates


def _names(text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.source) for c in latin_name_candidates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Caller: Mr. Owusu, Ghana", [("Owusu", "latin_title")]),
        ("Name: HARRIS, Daniel James DOB: 27 March", [("HARRIS, Daniel James", "latin_cue")]),
        (
            "父：GURUNG Dil Bahadur　母：GURUNG Sita",
            [("GURUNG Dil Bahadur", "latin_cue"), ("GURUNG Sita", "latin_cue")],
        ),
        ("married to Kenji Ota (Japanese)", [("Kenji Ota", "latin_cue")]),
        ("em tên là Nguyễn Thị Lan…", [("Nguyễn Thị Lan", "latin_cue")]),
        ("Señora Rosa Elena Chávez，ペルー", [("Rosa Elena Chávez", "latin_title")]),
        ("長男 Kavindu、次男 Senuth", [("Kavindu", "latin_cue"), ("Senuth", "latin_cue")]),
        ("NGUYEN Van Hung様", [("NGUYEN Van Hung", "latin_shape")]),
        ("Groom: James Patrick O'Sullivan, Ireland", [("James Patrick O'Sullivan", "latin_cue")]),
        ("Name: Bat-Ochir Ganbold", [("Bat-Ochir Ganbold", "latin_cue")]),
    ],
)
def test_when_a_latin_name_has_a_cue_or_a_family_in_capitals_then_it_is_found(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Tax Office in Tokyo said OK",
        "Please call the Japan Pension Service",
        "I live in Oji 2-19-8, Kita-ku",
        "相談者：Dạ, vâng",  # a filler after a speaker label
        "Caller: Can I pay at the Counter?",
        "Maria Santos called",  # two capitalised words, no cue: left to other evidence
        "LINE でも配信",
        "",
    ],
)
def test_when_latin_words_are_not_introduced_as_a_name_then_nothing(text: str) -> None:
    assert _names(text) == []
