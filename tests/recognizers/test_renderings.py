"""A name's Latin spelling beside it (pure text; the recognizer decides what is kept)."""

from __future__ import annotations

import pytest

from recognizers.person.renderings import latin_rendering_after, latin_rendering_before


def _after(text: str, name: str) -> str | None:
    span = latin_rendering_after(text, text.index(name) + len(name))
    return None if span is None else text[span[0] : span[1]]


def _before(text: str, name: str) -> str | None:
    span = latin_rendering_before(text, text.index(name))
    return None if span is None else text[span[0] : span[1]]


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("張麗（Zhang Li）です", "張麗", "Zhang Li"),
        ("劉 建国 (Liú Jiànguó)、息子", "劉 建国", "Liú Jiànguó"),
        ("金 敏俊（KIM, Minjun）様", "金 敏俊", "KIM, Minjun"),
        # a translation, a lower-case word, an unclosed bracket, nothing after
        ("市民課（Citizens Division）", "市民課", None),
        ("張麗（zhang li）", "張麗", None),
        ("張麗（Zhang Li", "張麗", None),
        ("張麗", "張麗", None),
    ],
)
def test_a_latin_spelling_in_brackets_after_a_name(
    text: str, name: str, expected: str | None
) -> None:
    assert _after(text, name) == expected


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("Insured: Chen, Mei-Ling (陳 美玲), Taiwan", "陳 美玲", "Chen, Mei-Ling"),
        ("Nguyen Thi Lan（グエン・ティ・ラン）", "グエン・ティ・ラン", "Nguyen Thi Lan"),
        ("Tokyo City Office (東京市役所)", "東京市役所", None),
        ("詳細は（山田）", "山田", None),
    ],
)
def test_a_latin_spelling_right_before_a_name_in_brackets(
    text: str, name: str, expected: str | None
) -> None:
    assert _before(text, name) == expected
