"""The model's input Doc built from the first tokenization equals a fresh tokenization of the
blanked text wherever blanking does not change how Sudachi cuts the kept words."""

from __future__ import annotations

from typing import Any

import pytest

from redactor.detect.model_input import model_doc


@pytest.fixture(scope="module")
def ja() -> Any:
    """Sudachi through spaCy's Japanese tokenizer only: no model to load."""
    import spacy

    return spacy.blank("ja")


def _layout(doc: Any) -> list[tuple[str, str, str]]:
    return [(t.text, t.whitespace_, t.tag_) for t in doc]


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


@pytest.mark.parametrize(
    ("text", "spans"),
    [
        ("山田太郎様の電話は０９０です。", [(6, 9)]),  # one claimed word in the middle
        ("山田 太郎です。", [(0, 2)]),  # blank at the start becomes one leading gap
        ("山田太郎です。", [(4, 7)]),  # blank at the end becomes one trailing gap
        ("山田 \n太郎の件", [(5, 7)]),  # single space after a word is its trailing space
        ("住所は東京都　港区です", [(3, 6), (7, 9)]),  # gaps around an ideographic space
        ("鈴木\t 花子さんへ連絡", [(0, 2)]),  # tab runs stay one gap
        ("一郎と二郎", [(0, 5)]),  # everything blanked: one whitespace token
        ("山田太郎様", []),  # nothing blanked: the same Doc comes back
    ],
)
def test_when_words_blanked_then_layout_matches_tokenizer(
    ja: Any, text: str, spans: list[tuple[int, int]]
) -> None:
    blanked = _blank(text, spans)
    built = model_doc(ja.make_doc(text), blanked, ja.make_doc)
    assert built.text == blanked
    assert _layout(built) == _layout(ja.make_doc(blanked))


def test_when_nothing_blanked_then_first_doc_is_reused(ja: Any) -> None:
    doc = ja.make_doc("山田太郎様")
    assert model_doc(doc, doc.text, ja.make_doc) is doc


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("電話番号09012345678です", (4, 9)),  # a claim that starts inside a token
        ("口座1234567へ振込", (2, 5)),  # ...and one that ends inside a token
    ],
)
def test_when_token_cut_in_part_then_rest_is_retokenized(
    ja: Any, text: str, span: tuple[int, int]
) -> None:
    blanked = _blank(text, [span])
    built = model_doc(ja.make_doc(text), blanked, ja.make_doc)
    assert built.text == blanked
    assert all(blanked[t.idx : t.idx + len(t)] == t.text for t in built)
    assert all(t.text.isspace() or " " not in t.text for t in built)


def test_kept_words_carry_tags_lemmas_and_norms(ja: Any) -> None:
    text = "山田太郎様の電話は０９０です。"
    doc = ja.make_doc(text)
    built = model_doc(doc, _blank(text, [(9, 12)]), ja.make_doc)
    first = {(t.idx, t.text): (t.tag_, t.lemma_, t.norm_, str(t.morph)) for t in doc}
    for t in built:
        if not t.text.isspace():
            assert (t.tag_, t.lemma_, t.norm_, str(t.morph)) == first[(t.idx, t.text)]
        else:
            assert t.tag_ == "空白"
