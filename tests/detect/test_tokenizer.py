"""LeanJapaneseTokenizer cuts and tags exactly like spaCy's, minus readings and sub-tokens."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.lang.ja import JapaneseTokenizer

from redactor.detect.tokenizer import LeanJapaneseTokenizer, lean_tokenizer


@pytest.fixture(scope="module")
def pair() -> tuple[Any, Any]:
    import spacy

    nlp = spacy.blank("ja", config={"nlp": {"tokenizer": {"split_mode": "C"}}})
    return JapaneseTokenizer(nlp.vocab, "C"), LeanJapaneseTokenizer(nlp.vocab, "C")


TEXTS = [
    "山田太郎様の電話番号は090-1234-5678です。",  # name, number
    "申請者は大野美穂さん、個人番号は３９０１ ９１５８ ０７７２",  # full-width digits, spaces
    "  先頭と末尾に空白  ",  # leading and trailing whitespace
    "東京都千代田区霞が関1丁目3番地",  # an address (compound words in split mode C)
    "",  # empty
]


@pytest.mark.parametrize("text", TEXTS)
def test_words_tags_lemmas_norms_are_the_same(pair: tuple[Any, Any], text: str) -> None:
    stock, lean = pair

    def layout(doc: Any) -> list[tuple[str, str, str, str, str, int]]:
        return [(t.text, t.whitespace_, t.tag_, t.lemma_, t.norm_, t.pos) for t in doc]

    assert layout(lean(text)) == layout(stock(text))


@pytest.mark.parametrize("text", TEXTS[:4])
def test_no_reading_and_no_sub_tokens(pair: tuple[Any, Any], text: str) -> None:
    stock, lean = pair
    assert any("Reading" in str(t.morph) for t in stock(text))
    doc = lean(text)
    assert not any("Reading" in str(t.morph) for t in doc)
    assert "sub_tokens" not in doc.user_data


def test_kanji_words_readings_are_kept_beside_the_doc_not_in_the_string_store(
    pair: tuple[Any, Any],
) -> None:
    _stock, lean = pair
    doc = lean("八戸の 沼舘 です ぬまだて です")
    assert doc.user_data["readings"]["沼舘"] == "ヌマダテ"
    assert "ヌマダテ" not in doc.vocab.strings
    assert "ぬまだて" not in doc.user_data["readings"]  # kana words need none
    # each Doc its own readings
    assert "沼舘" not in lean("山田です").user_data["readings"]


def test_when_swapped_then_split_mode_is_kept_and_swap_is_idempotent() -> None:
    import spacy

    nlp = spacy.blank("ja", config={"nlp": {"tokenizer": {"split_mode": "B"}}})
    lean_tokenizer(nlp)
    first = nlp.tokenizer
    assert isinstance(first, LeanJapaneseTokenizer) and first.split_mode == "B"
    lean_tokenizer(nlp)
    assert nlp.tokenizer is first
