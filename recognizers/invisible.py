"""Characters a reader cannot see, taken out before anything reads a note.

One U+200B inside a phone number, or a soft hyphen between every character of
a name, is invisible on screen but breaks every regex and every tokenizer:
the value would be stored in clear. Both the canonical text of the pattern
recognizers (``normalize``) and the text the model and the name recognizer
read are cut free of them here, with a map back to the original code points,
so a span found in the visible text covers the invisible characters inside
it in the original.

What counts as invisible: Unicode format characters (category Cf: zero-width
space, joiners, bidi marks, word joiner, BOM, soft hyphen, the interlinear
and tag characters), variation selectors, the combining grapheme joiner,
Hangul fillers, and control characters other than tab and line breaks.

Hand-written because ``unicodedata`` gives the categories but no library
strips them with an offset map back to the source.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

#: kept: the layout characters notes really use
_KEPT_CONTROLS = frozenset("\t\n\r")
#: invisible but not Cf: variation selectors, grapheme joiner, Hangul fillers
_EXTRA_INVISIBLE = frozenset(
    [chr(c) for c in range(0xFE00, 0xFE10)]
    + [chr(c) for c in range(0xE0100, 0xE01F0)]
    + ["\u034f", "\u115f", "\u1160", "\u3164", "\uffa0", "\u180e"]
)


def is_invisible(ch: str) -> bool:
    """True for a character that shows nothing and joins nothing a reader sees."""
    if ch in _KEPT_CONTROLS:
        return False
    if ch in _EXTRA_INVISIBLE:
        return True
    return unicodedata.category(ch) in ("Cf", "Cc")


@dataclass(frozen=True, slots=True)
class VisibleText:
    """A note without its invisible characters, and where each kept one came from."""

    original: str
    text: str
    #: ``positions[i]`` is the original index of ``text[i]``
    positions: tuple[int, ...]

    @property
    def changed(self) -> bool:
        return self.text != self.original

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map ``[start, end)`` of the visible text to the original (inner invisibles included)."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError("span outside the visible text")
        if start == end:
            pos = self.positions[start] if start < len(self.text) else len(self.original)
            return pos, pos
        # up to the next visible character: a voicing mark or an invisible character
        # right after the last one is part of the span
        stop = self.positions[end] if end < len(self.text) else len(self.original)
        return self.positions[start], stop


_HALF_KATAKANA_FIRST, _HALF_KATAKANA_LAST = "\uff61", "\uff9f"
_HALF_VOICING = frozenset("\uff9e\uff9f")


def _is_half_katakana(ch: str) -> bool:
    return _HALF_KATAKANA_FIRST <= ch <= _HALF_KATAKANA_LAST


@lru_cache(maxsize=16)
def visible(text: str) -> VisibleText:
    """``text`` as a reader sees it, with its offset map.

    Invisible characters are removed, and half-width katakana from older
    desk apps and bank forms (``ｻｲﾄｳ ﾐﾕｷ``, ``ﾅｶｿﾞﾉ``) become full-width, a
    voicing mark folded into its kana, so that the name recognizer and the
    model read them as the katakana they are.
    """
    if not any(is_invisible(ch) or _is_half_katakana(ch) for ch in text):
        return VisibleText(text, text, tuple(range(len(text))))
    chars: list[str] = []
    keep: list[int] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if is_invisible(ch):
            i += 1
            continue
        if _is_half_katakana(ch):
            pair = text[i : i + 2]
            if len(pair) == 2 and pair[1] in _HALF_VOICING and ch not in _HALF_VOICING:
                folded = unicodedata.normalize("NFKC", pair)
                if len(folded) == 1:
                    chars.append(folded)
                    keep.append(i)
                    i += 2
                    continue
            chars.append(unicodedata.normalize("NFKC", ch))
        else:
            chars.append(ch)
        keep.append(i)
        i += 1
    return VisibleText(text, "".join(chars), tuple(keep))
