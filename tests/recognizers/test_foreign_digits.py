"""Digits said in the caller's language (Portuguese, Spanish, Vietnamese, English,
Indonesian, Tagalog, Nepali, Korean) read as digits."""

from __future__ import annotations

import pytest

from recognizers.normalize import normalize


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("zero oito zero... sete três dois um... quatro cinco nove oito.", "080-7321-4598."),
        ("không chín không, ba hai năm bảy, tám một bốn sáu", "090-3257-8146"),
        ("Cellphone zero-eight-zero, seven-seven-one-nine, three-zero-five-five.",
         "Cellphone 080-7719-3055."),
        ("cero dos ocho cinco, ocho dos, seis uno cuatro siete", "0285-82-6147"),
        ("nol delapan satu, dua tiga empat lima", "081-2345"),
        ("sero siyam sero, isa dalawa tatlo apat, lima anim pito walo", "090-1234-5678"),
        ("shunya nau shunya, ek dui tin char, panch chha saat aath", "090-1234-5678"),
        ("공일공 일이삼사 오육칠팔", "0101234" "5678"),
        ("공일공, 일이삼사, 오육칠팔", "010-1234-5678"),
        # the hyphen said as a word between groups
        ("Six zero one nine, dash, four four two, seven one eight", "6019-442-718"),
        # 에 between groups (the hyphen read out), an answer's ending after the last one
        ("공구공에 삼칠일팔에 이오공육이고", "09037182506이고"),
        ("일이삼사 오육칠팔이에요", "12345678이에요"),
        ("zero nine zero, double five one two, three four triple six", "090-5512-34666"),
        # a group taken back in the caller's language is replaced by the one said again
        (
            "cero nueve cero, cuatro tres seis ocho, dos cero uno uno… perdón, dos cero uno dos",
            "090-4368-2012",
        ),
        ("zero nine zero, ay mali po, zero eight zero, two five five one", "080-2551"),
    ],
)  # fmt: skip
def test_when_digits_are_said_in_the_callers_language_then_they_read_as_digits(
    text: str, canonical: str
) -> None:
    norm = normalize(text)
    assert norm.text == canonical
    assert norm.to_original(0, len(norm.text)) == (0, len(text))


@pytest.mark.parametrize(
    "text",
    [
        "I have one or two questions",  # fewer than four digit words
        "one two three",
        "năm 1998",  # năm is also "year"
        "Someone Nineveh",  # digit words inside longer words
        "ba mẹ em",  # ba is also "dad"
        "이사 준비",  # 이사 is two-four and also "moving house"
        "한국어 일본어",  # syllables that are not all digits
        "double check three",  # double before a word that is no digit
        "Isa at dalawa",  # two Tagalog digit words
    ],
)
def test_when_digit_words_are_words_then_they_stay_words(text: str) -> None:
    assert normalize(text).text == text
