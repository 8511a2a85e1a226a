"""spaCy's Japanese tokenizer without the per-word annotations no recognizer reads.

Why: ``spacy.lang.ja.JapaneseTokenizer`` stores Sudachi's katakana reading of
every word as a morphological feature (``Reading=ヨンゴナナハチ``). spaCy adds
morphological features to its string store and morphology table as
*permanent* entries, outside the reach of ``nlp.memory_zone()``, so every new
name or number a service reads grew its memory for good (~5 strings a note,
all of them readings, on distinct synthetic notes). Nothing downstream reads
readings: the tok2vec embeds ``ORTH`` and ``SHAPE``, and the recognizers read
tags, lemmas and text. This tokenizer drops the reading (inflection types, a
closed set, stay) and skips the A/B-mode sub-tokens that only GiNZA's
compound splitter reads, a second and third Sudachi pass over every word.
"""

from __future__ import annotations

from typing import Any

from spacy.lang.ja import JapaneseTokenizer


class LeanJapaneseTokenizer(JapaneseTokenizer):
    """``JapaneseTokenizer`` minus readings and sub-tokens; same words, tags, lemmas, norms."""

    def __init__(self, vocab: Any, split_mode: str | None = None) -> None:
        super().__init__(vocab, split_mode)
        self.need_subtokens = False

    def __reduce__(self) -> tuple[Any, ...]:
        return LeanJapaneseTokenizer, (self.vocab, self.split_mode)

    def _get_dtokens(self, sudachipy_tokens: Any, need_sub_tokens: bool = True) -> list[Any]:
        dtokens: list[Any] = super()._get_dtokens(sudachipy_tokens, need_sub_tokens=False)
        return [t._replace(reading=None) if t.reading else t for t in dtokens]


def lean_tokenizer(nlp: Any) -> None:
    """Swap ``nlp``'s Japanese tokenizer for ``LeanJapaneseTokenizer`` (same split mode)."""
    current = nlp.tokenizer
    if isinstance(current, JapaneseTokenizer) and not isinstance(current, LeanJapaneseTokenizer):
        nlp.tokenizer = LeanJapaneseTokenizer(nlp.vocab, current.split_mode)
