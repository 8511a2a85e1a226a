"""Letters and symbols spelled out in kana are read back; words and fillers stay words."""

from __future__ import annotations

import pytest

from recognizers.normalize import normalize


@pytest.mark.parametrize(
    ("spoken", "canonical"),
    [
        # letters spelled, digit groups typed between them (an interpreter's note)
        ("えぬ・けー、3308、1946、いー・えー", "NK33081946EA"),
        ("じぇー、えむ、０４１２、７７８０、えす、てぃー", "JM04127780ST"),
        (
            "ゆー、えいち、よん、はち、にー、いち、さん、きゅう、ぜろ、なな、えふ、あーる",
            "UH48213907FR",
        ),
        ("てぃー、あーる、よん、はち、にー、きゅう、いち、なな、さん", "TR4829173"),
        (
            "ゆー、えぬ、おー、ドット、えむ、あい、わい、えー、びー、あい、いち、きゅう、はち、なな、"
            "アット、じーめーる、ドットコム",
            "UNO.MIYABI1987@gmail.com",
        ),
        (
            "ワイ、ドット、ケー、アットマーク、ヤフー、ドット、シー、オー、ドット、ジェー、ピー",
            "Y.K@yahoo.CO.JP",
        ),
    ],
)
def test_when_a_value_is_spelled_out_then_its_characters_are_read(
    spoken: str, canonical: str
) -> None:
    norm = normalize(spoken)
    assert norm.text == canonical
    assert norm.to_original(0, len(norm.text)) == (0, len(spoken))


@pytest.mark.parametrize(
    "words",
    [
        "えーと、あの、はい",
        "えー、2020年、えー、3月",  # fillers and typed numbers: no letter spelled
        "あいさつに行きます",
        "えー、はい、わかりました",
        "contact me at a.b@c.jp please",
    ],
)
def test_when_kana_only_sound_like_letters_then_they_stay_words(words: str) -> None:
    assert normalize(words).text == words
