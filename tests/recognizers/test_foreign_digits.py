"""Digits said in Portuguese, Spanish, Vietnamese, English and Indonesian read as digits."""

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
    ],
)
def test_when_digit_words_are_words_then_they_stay_words(text: str) -> None:
    assert normalize(text).text == text
