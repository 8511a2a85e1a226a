"""Which identifier a number belongs to: the label word written nearest before it.

Call notes put many numbers side by side (``個人番号：… 運転免許証番号：…``,
``被保険者番号は…、電話は…``). Whether a context word appears somewhere in a
window is not enough: the word that names a number is the last one before it.
Recognizers give the words they care about a kind ("ours" or "other") and ask
which kind comes last.

Hand-written because it is a dozen lines over ``str.rfind``; no library
answers "nearest of several keyword sets".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

OURS = "ours"
OTHER = "other"


def word_kinds(ours: Iterable[str], other: Iterable[str]) -> dict[str, str]:
    """One mapping word → kind; a word listed in both counts as ours."""
    kinds = {w: OTHER for w in other}
    kinds.update({w: OURS for w in ours})
    return kinds


def nearest_kind(window: str, kinds: Mapping[str, str]) -> str | None:
    """The kind of the word ending last in ``window``; on a tie the longer word wins.

    The tie rule makes ``受付番号`` (other) beat the ``番号`` (ours) it ends with.
    """
    best: tuple[int, int, str] | None = None
    for word, kind in kinds.items():
        pos = window.rfind(word)
        if pos < 0:
            continue
        key = (pos + len(word), len(word), kind)
        if best is None or key[:2] > best[:2]:
            best = key
    return None if best is None else best[2]


def line_before(text: str, start: int, width: int) -> str:
    """Up to ``width`` characters before ``start``, cut at the line start (one form field)."""
    return text[max(0, start - width) : start].rsplit("\n", 1)[-1]
