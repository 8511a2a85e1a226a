"""A full name followed by its full reading, a blank between each word.

Forms and speech-to-text write a name and then how it is read, both as
surname and given name a blank apart: ``石動 ふさ江 いするぎ ふさえ``,
``申請者 山田 太郎 やまだ たろう``, ``鈴木 花子　スズキ ハナコ``. The labels
make these two names (the name, and its reading), as with a reading in
brackets. A rare surname (石動) is in no list, but the reading after it is
the evidence: a given name the lists know read out in kana, a surname's
reading at least as long as its kanji.

The recognizer uses this twice: the two parts are candidates of their own,
and a longer span found by other evidence over both is cut in two.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from recognizers.person.candidate import Candidate

SPACED_READING_SCORE = 0.55
#: a given name's reading no list knows is taken, after a known surname, up to this long
MAX_UNKNOWN_GIVEN = 4

_HAN = "\u4e00-\u9fff\u3005"
_HIRA = "\u3041-\u3096\u30fc"
_KATA = "\u30a1-\u30fa\u30fc"
_BLANK = "[ \u3000]"
#: surname in kanji, a blank, a given name (kanji or kana); blanks; the reading's two
#: words in one kana script
_NAME_THEN_READING = re.compile(
    rf"(?<![{_HAN}{_HIRA}{_KATA}])"
    rf"(?P<family>[{_HAN}]{{1,4}}){_BLANK}(?P<given>[{_HAN}{_HIRA}{_KATA}]{{1,4}}){_BLANK}+"
    rf"(?:(?P<hf>[{_HIRA}]{{2,8}}){_BLANK}(?P<hg>[{_HIRA}]{{1,10}})"
    rf"|(?P<kf>[{_KATA}]{{2,8}}){_BLANK}(?P<kg>[{_KATA}]{{1,10}}))"
)
#: what a speaker says after the name, glued to the reading's last word
_TAILS = ("でございます", "と申します", "といいます", "です", "で")
_KANJI = re.compile(f"[{_HAN}]")
#: what may follow the reading: a blank, punctuation, a bracket, the end
_AFTER = re.compile(rf"{_BLANK}|[、。,.\n」）)]|$")


def _parts(
    m: re.Match[str], is_surname: Callable[[str], bool], is_given: Callable[[str], bool]
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    family, given = m.group("family"), m.group("given")
    fkey, gkey = ("hf", "hg") if m.group("hf") else ("kf", "kg")
    rf, rg, end = m.group(fkey), m.group(gkey), m.end(gkey)
    for tail in _TAILS:
        # ふさえです → ふさえ; but かえで keeps its で
        if rg.endswith(tail) and len(rg) > len(tail) and not is_given(rg):
            rg = rg[: -len(tail)]
            end -= len(tail)
            break
    else:
        if not _AFTER.match(m.string, end):
            return None  # the kana runs on into a word: no reading of its own
    kanji = len(_KANJI.findall(given))
    if not kanji and given != rg:
        return None  # 山田 はな さくら: a kana given name is read as itself
    if len(rf) < len(family) or len(rg) < kanji:
        return None  # a reading has at least one kana for each kanji
    if is_given(rf) and not is_surname(rf):
        return None  # 子 山田 はな さくら: kana given names in a row, no surname read
    if not (is_given(rg) or (is_surname(rf) and len(rg) <= MAX_UNKNOWN_GIVEN)):
        return None  # やまだ たろうさんち: the kana runs on past any given name
    return (m.start("family"), m.end("given")), (m.start(fkey), end)


def split_name_and_reading(
    text: str,
    start: int,
    end: int,
    is_surname: Callable[[str], bool],
    is_given: Callable[[str], bool],
) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The name and its reading inside ``text[start:end]``, when the span is both."""
    m = _NAME_THEN_READING.match(text[:end], start)
    if m is None:
        return None
    parts = _parts(m, is_surname, is_given)
    if parts is None or parts[1][1] != end:
        return None
    return parts


def spaced_reading_candidates(
    text: str, is_surname: Callable[[str], bool], is_given: Callable[[str], bool]
) -> list[Candidate]:
    """Each name followed by its spaced reading, as two candidates."""
    out: list[Candidate] = []
    for m in _NAME_THEN_READING.finditer(text):
        parts = _parts(m, is_surname, is_given)
        if parts is None:
            continue
        for s, e in parts:
            out.append(Candidate(s, e, "spaced_reading", SPACED_READING_SCORE))
    return out
