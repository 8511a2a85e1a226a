"""spaCy's Japanese tokenizer without the per-word annotations no recognizer reads.

Why: ``spacy.lang.ja.JapaneseTokenizer`` stores Sudachi's katakana reading of
every word as a morphological feature (``Reading=ヨンゴナナハチ``). spaCy adds
morphological features to its string store and morphology table as
*permanent* entries, outside the reach of ``nlp.memory_zone()``, so every new
name or number a service reads grew its memory for good (~5 strings a note,
all of them readings, on distinct synthetic notes). The model does not read
readings: the tok2vec embeds ``ORTH`` and ``SHAPE``; the recognizers read tags,
lemmas, text and one plain dict of readings kept beside the Doc (below). This
tokenizer drops the reading (inflection types, a closed set, stay) and skips the
A/B-mode sub-tokens that only GiNZA's compound splitter reads, a second and third
Sudachi pass over every word.
"""

from __future__ import annotations

import re
import threading
from typing import Any

from spacy.lang.ja import JapaneseTokenizer

#: where a Doc keeps its kanji words' readings (``{surface: katakana}``), see below
READINGS_KEY = "readings"
_KANJI = re.compile(r"[\u4e00-\u9fff\u3005]")


class LeanJapaneseTokenizer(JapaneseTokenizer):
    """``JapaneseTokenizer`` minus readings and sub-tokens; same words, tags, lemmas, norms.

    One reading survives, outside the string store: ``doc.user_data["readings"]``
    maps each kanji word to Sudachi's reading, a plain dict that dies with the
    Doc. The person recognizer reads it to tell a caller spelling a rare
    surname (``沼舘 です ぬまだて です``).
    """

    def __init__(self, vocab: Any, split_mode: str | None = None) -> None:
        super().__init__(vocab, split_mode)
        self.need_subtokens = False
        self._local = threading.local()

    def __call__(self, text: str) -> Any:
        self._local.readings = {}
        doc = super().__call__(text)
        doc.user_data[READINGS_KEY] = self._local.readings
        return doc

    def __reduce__(self) -> tuple[Any, ...]:
        return LeanJapaneseTokenizer, (self.vocab, self.split_mode)

    def _get_dtokens(self, sudachipy_tokens: Any, need_sub_tokens: bool = True) -> list[Any]:
        dtokens: list[Any] = super()._get_dtokens(sudachipy_tokens, need_sub_tokens=False)
        readings: dict[str, str] | None = getattr(self._local, "readings", None)
        if readings is not None:
            for t in dtokens:
                if t.reading and _KANJI.search(t.surface):
                    readings[t.surface] = t.reading
        return [t._replace(reading=None) if t.reading else t for t in dtokens]


def lean_tokenizer(nlp: Any) -> None:
    """Swap ``nlp``'s Japanese tokenizer for ``LeanJapaneseTokenizer`` (same split mode)."""
    current = nlp.tokenizer
    if isinstance(current, JapaneseTokenizer) and not isinstance(current, LeanJapaneseTokenizer):
        nlp.tokenizer = LeanJapaneseTokenizer(nlp.vocab, current.split_mode)
