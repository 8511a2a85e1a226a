"""Names written with their reading in brackets: 楓（かえで）, 김민준（キム・ミンジュン）.

Household notes list children as ``晴（はる）、楓（かえで）、樹（いつき）`` and notes
about foreign residents give a Hangul or Chinese name with its katakana reading.
A one-kanji given name or a Hangul name is invisible to the dictionary and the
model, but a reading in brackets that the name lists know (``かえで``) is what
only a name gets: ordinary words are glossed too (``手続き（てつづき）``), never
with a name's reading. The reading itself is reported by the recognizer once
the name before it is kept (``reading_after``).

Pure text; the dictionary's judgement comes in as a predicate.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from recognizers.person.candidate import Candidate

GLOSSED_SCORE = 0.55

_HAN = r"\u4e00-\u9fff\u3005"
_HANGUL = r"\uac00-\ud7a3"
#: a kanji name of one to four characters (the whole run: no kanji before it), or two to
#: four Hangul syllables, then its reading in brackets
_GLOSSED = re.compile(
    rf"(?<![{_HAN}])([{_HAN}]{{1,4}})[（(]([\u3041-\u3096ー]{{2,8}})[）)、,]"
    rf"|(?<![{_HANGUL}])([{_HANGUL}]{{2,4}})[ \u3000]?"
    rf"[（(]([\u30a1-\u30fa\u30fc・ ]{{2,12}})[）)、,]"
)


def glossed_name_candidates(text: str, is_name_reading: Callable[[str], bool]) -> list[Candidate]:
    """Kanji whose bracketed hiragana is a known name's reading; Hangul with a katakana one."""
    out: list[Candidate] = []
    for m in _GLOSSED.finditer(text):
        if m.group(1) is not None:
            if is_name_reading(m.group(2)):
                out.append(Candidate(m.start(1), m.end(1), "glossed", GLOSSED_SCORE))
        else:
            out.append(Candidate(m.start(3), m.end(3), "glossed", GLOSSED_SCORE))
    return out
