"""A known surname, a blank, a known given name: a full name as forms and lists write it.

Forms, household lists and counter memos put a blank between surname and given name
(``当銘 湊``, ``村上 悠人``, ``荒木 陸（りく）``). The tokenizer reads a one-kanji given
name as a word (湊 is a harbour, 陸 land), and the model stops at the blank, so the
surname alone was found and the given name leaked. Both lists agreeing on the two
halves, and the given name ending where a word ends, make the whole a name.

Pure text: the dictionary comes in as two predicates.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from recognizers.person.candidate import Candidate

SPACED_NAME_SCORE = 0.5

_HAN = "\u4e00-\u9fff\u3005"
_SPACED = re.compile(
    rf"(?<![{_HAN}])([{_HAN}]{{2,3}})[ \u3000]{{1,2}}([{_HAN}]{{1,3}})"
    # the given name ends the word: a bracket (its reading), a blank, a comma, a date
    rf"(?=[（(\s、,，。]|$|[0-9０-９HSRhsr])",
    re.MULTILINE,
)


#: what must follow a given name of one kanji (東, 陸 are words too): its reading in
#: brackets, a comma, the line's end, or a birth date's era letter (当銘 湊　H27.5.1);
#: not a number (電柱に「宮原 東 12」)
_AFTER_ONE_KANJI = re.compile(r"[（(、,，]|[ \u3000]*(?:$|\n|[HSRTMhsrtm]\.?\d)", re.MULTILINE)


def spaced_full_name_candidates(
    text: str, is_surname: Callable[[str], bool], is_given: Callable[[str], bool]
) -> list[Candidate]:
    """``surname　given`` where the lists know both halves."""
    out: list[Candidate] = []
    pos = 0
    while (m := _SPACED.search(text, pos)) is not None:
        one_kanji = len(m.group(2)) == 1
        if (
            is_surname(m.group(1))
            and is_given(m.group(2))
            and (not one_kanji or _AFTER_ONE_KANJI.match(text, m.end(2)))
        ):
            out.append(Candidate(m.start(1), m.end(2), "spaced_full_name", SPACED_NAME_SCORE))
            pos = m.end(2)
        else:
            pos = m.start(2)  # 長男 荒木 陸: the second word may open the name
    return out
