"""The model's input ``Doc`` built from the first tokenization, with blanked stretches as gaps.

Why: Sudachi is the second largest cost of a note after the model, and the
analyzer used to pay it twice — once for the recognizers and the focus, once
more when ``nlp.pipe`` re-tokenized the blanked text. The tok2vec of
``ja_ginza`` embeds ``ORTH`` and ``SHAPE`` (and static vectors keyed by
``ORTH``) only, and the NER reads nothing but the tok2vec, so a ``Doc`` whose
words are the first pass's kept tokens, with every blanked stretch a
whitespace token, is what the model needs. The words are laid out the way
``spacy.lang.ja.JapaneseTokenizer`` lays out a text (a run of whitespace
between two words is one ``空白`` token, except that a single ASCII space
right after a word becomes that word's trailing space), so ``doc.text`` is
the blanked text exactly and offsets hold. Kept tokens carry their tag,
lemma, norm and morphology over, so recognizers that read the model's
``Doc`` (PERSON reads Sudachi's tags) see what they saw before. A token
that blanking cut in part is tokenized again alone (rare: a claimed span
that does not end on a token boundary).

Hand-written because spaCy has no "re-tokenize with these spans removed"
and re-running Sudachi is the cost we avoid.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.lang.ja import resolve_pos
from spacy.tokens import Doc

_GAP_TAG = "空白"

#: spaCy's rule for a token's POS from its tag and its neighbour's (untyped upstream)
_resolve_pos: Callable[[str, str, str | None], tuple[Any, Any]] = resolve_pos

#: (start offset, token) of a word the model keeps seeing
_Word = tuple[int, Any]


def model_doc(doc: Doc, blanked: str, tokenize: Callable[[str], Doc]) -> Doc:
    """A ``Doc`` of ``blanked`` (``doc.text`` with stretches replaced by spaces).

    ``tokenize`` re-tokenizes the remains of a token that blanking cut in part.
    """
    if blanked == doc.text:
        return doc
    words: list[_Word] = []
    for tok in doc:
        if tok.text.isspace():
            continue
        start, end = tok.idx, tok.idx + len(tok.text)
        piece = blanked[start:end]
        if piece == tok.text:
            words.append((start, tok))
        elif not piece.isspace():
            sub = tokenize(piece)
            words.extend((start + t.idx, t) for t in sub if not t.text.isspace())
    return _assemble(doc, blanked, words)


def _assemble(doc: Doc, text: str, words: list[_Word]) -> Doc:
    orths: list[str] = []
    spaces: list[bool] = []
    sources: list[Any] = []
    pos = 0

    def gap(until: int) -> None:
        stretch = text[pos:until]
        if not stretch:
            return
        if sources and sources[-1] is not None and stretch[0] == " ":
            spaces[-1] = True
            stretch = stretch[1:]
        if stretch:
            orths.append(stretch)
            spaces.append(False)
            sources.append(None)

    for start, tok in words:
        gap(start)
        orths.append(tok.text)
        spaces.append(False)
        sources.append(tok)
        pos = start + len(tok.text)
    gap(len(text))
    out = Doc(doc.vocab, words=orths, spaces=spaces)
    tags = [_GAP_TAG if src is None else src.tag_ for src in sources]
    next_pos = None
    for i, (token, src) in enumerate(zip(out, sources, strict=True)):
        token.tag_ = tags[i]
        # The tokenizer's bigram rules: a token's POS may depend on its new neighbour.
        if next_pos:
            token.pos, next_pos = next_pos, None
        else:
            token.pos, next_pos = _resolve_pos(
                token.orth_, tags[i], tags[i + 1] if i + 1 < len(tags) else None
            )
        if src is None:
            token.lemma_ = token.text
            token.norm_ = token.text
        else:
            token.lemma_ = src.lemma_
            token.norm_ = src.norm_
            token.morph = src.morph
    out.user_data.update(doc.user_data)  # the tokenizer's readings (``tokenizer.READINGS_KEY``)
    return out
