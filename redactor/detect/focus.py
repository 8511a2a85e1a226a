"""Where in a note the name model is worth running: a few tokens around name evidence.

Why: the model (``tok2vec`` + NER) is the whole cost of analyzing a note and
grows with its tokens, yet it only serves one label (PERSON). Its view is
local — the tok2vec's window encoder sees four tokens either side and the
NER's transition features a few more — so running it on the stretches
around *evidence* of a name gives the answers it gives on the whole note.
Evidence is cheap to see in Sudachi's tokens, which the tokenizer produces
anyway (~1 ms): a dictionary name (``人名``) or other proper noun, a
katakana word (readings, foreign names), an honorific or a word that
introduces a name (``様``, ``氏名``, ``申す``...). Everything else is blanked
with spaces of the same length: offsets hold, and a run of spaces is one
token. On the dev notes this keeps ~40 % of the tokens and every PERSON
result (see the closing note of issue 7).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

#: words after or before which a name is expected (Sudachi's lemma or surface)
NAME_TRIGGERS: frozenset[str] = frozenset(
    {
        "様", "さん", "氏", "殿", "くん", "君", "ちゃん", "名前", "氏名", "申す", "者",
        "フリガナ", "ふりがな", "名義", "息子", "娘", "夫", "妻", "母", "父", "子",
        "長男", "長女", "次男", "次女", "担当",
    }
)  # fmt: skip
_KATAKANA_WORD = re.compile(r"^[ァ-ヴー・]{2,}$")
_SPACE = re.compile(r"^\s+$")

#: tokens either side of an evidence token that the model keeps seeing
DEFAULT_WINDOW = 5


def is_name_evidence(token: Any) -> bool:
    """A Sudachi token that names, may name, or introduces a person."""
    tag = str(token.tag_)
    return (
        "人名" in tag
        or "固有名詞" in tag
        or token.text in NAME_TRIGGERS
        or token.lemma_ in NAME_TRIGGERS
        or bool(_KATAKANA_WORD.match(token.text))
    )


def focus_text(text: str, tokens: Iterable[Any], window: int = DEFAULT_WINDOW) -> str:
    """``text`` with every token farther than ``window`` tokens from evidence blanked."""
    toks = list(tokens)
    keep = [False] * len(toks)
    for i, tok in enumerate(toks):
        if is_name_evidence(tok):
            for j in range(max(0, i - window), min(len(toks), i + window + 1)):
                keep[j] = True
    if all(keep):
        return text
    chars = list(text)
    for tok, kept in zip(toks, keep, strict=True):
        if not kept and not _SPACE.match(tok.text):
            chars[tok.idx : tok.idx + len(tok.text)] = " " * len(tok.text)
    return "".join(chars)
