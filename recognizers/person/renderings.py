"""A name written again in Latin letters beside it: 張麗（Zhang Li）, Chen, Mei-Ling (陳 美玲).

Forms and notes about foreign residents give a Chinese, Korean or Japanese
name with its romanization in brackets, or the passport spelling with the
characters in brackets. Latin words in brackets are as often a translation
(``市民課（Citizens Division）``), so the rendering is only taken beside a name
the recognizer already keeps; then the two are one person's name, and the
Latin one is a span of its own (LABELS.md: each script its own span).

Pure text: the recognizer decides which names are kept.
"""

from __future__ import annotations

import re

from recognizers.person.latin_names import NOT_NAME_WORDS

_LETTER = r"A-Za-z\u00C0-\u024F\u1E00-\u1EFF"
#: a capitalised Latin word, ' or - inside (Mei-Ling, O'Neil, Jiànguó)
_WORD = rf"[A-Z\u00C0-\u00DE][{_LETTER}]*(?:['’\-][{_LETTER}]+)*"
#: one to four such words, a comma allowed after the first (CHEN, Mei-Ling)
_WORDS = rf"{_WORD}(?:,?[ \u3000]{_WORD}){{0,3}}"
_AFTER = re.compile(rf"[ \u3000]?[（(][ \u3000]*({_WORDS})[ \u3000]*[）)]")
_BEFORE = re.compile(rf"(?<![{_LETTER}])({_WORDS})[ \u3000]?[（(][ \u3000]*$")
#: how far back a rendering before a name may start
_LOOKBACK = 48


def _is_name_like(words: str) -> bool:
    return not any(w in NOT_NAME_WORDS for w in re.split(r"[ ,\u3000]+", words) if w)


def latin_rendering_after(text: str, end: int) -> tuple[int, int] | None:
    """The Latin spelling in brackets right after a name ending at ``end``."""
    m = _AFTER.match(text, end)
    if m is None or not _is_name_like(m.group(1)):
        return None
    return m.start(1), m.end(1)


def latin_rendering_before(text: str, start: int) -> tuple[int, int] | None:
    """The Latin spelling right before ``（name`` (the name starting at ``start``)."""
    m = _BEFORE.search(text, max(0, start - _LOOKBACK), start)
    if m is None or not _is_name_like(m.group(1)):
        return None
    return m.start(1), m.end(1)
