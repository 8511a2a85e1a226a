"""Every occurrence of a value found once in a note, in any of its forms.

An operator reads back the number the caller said (``ゼロキューゼロの…`` then
``090-1234-5678ですね``), a record repeats a name in its summary, a reply
quotes the mail it answers. A recognizer that found the value once, where
its context was clear, may miss it where the context is not: the read-back
has no ``電話`` before it. Once a value is known to be PII, its other
occurrences are the same PII, with the same label.

* numbers: the same digits (six or more) in any form the normalizer reads
  (``〇九〇``, ``ゼロキューゼロ``, ``０９０``, with any grouping);
* names: the same characters, as a whole word (田中 in 田中工務店 is not a
  repeat of 田中, nor はると in はるとき).

Pure text: takes spans, gives spans. Hand-written: it is a lookup over the
canonical text ``normalize`` already made.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from recognizers.normalize import normalize
from recognizers.span_sets import Covered

#: labels whose values are repeated by their digits
DIGIT_LABELS = frozenset(
    {
        "MY_NUMBER", "PHONE_NUMBER", "BANK_ACCOUNT", "PENSION_NUMBER",
        "HEALTH_INSURANCE_NUMBER", "DRIVERS_LICENSE", "POSTAL_CODE",
    }
)  # fmt: skip
#: labels whose values are repeated by their characters
TEXT_LABELS = frozenset({"PERSON", "EMAIL_ADDRESS", "RESIDENCE_CARD", "PASSPORT"})
MIN_DIGITS = 6
_DIGIT_RUN = re.compile(r"\d(?:[- ]?\d)*")
_KANJI = re.compile(r"[\u4e00-\u9fff\u3005]")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]")
_HIRAGANA = re.compile(r"[\u3041-\u3096]")
_LATIN = re.compile(r"[A-Za-z0-9]")
#: after a kana name, hiragana that may follow it: particles and honorifics
_KANA_NAME_FOLLOWERS = frozenset("のはがをにともでへやさくちよね")


#: kanji honorifics that may follow a name without making it part of a longer word
_HONORIFIC_KANJI = frozenset("様氏殿君")


class Repeat(NamedTuple):
    start: int
    end: int
    label: str
    #: index of the span it repeats
    source: int


def _same_script(pattern: re.Pattern[str], ch: str) -> bool:
    return bool(ch) and pattern.match(ch) is not None


def _whole_word(text: str, start: int, end: int) -> bool:
    """No letter of the value's own script runs on before or after it."""
    first, last = text[start], text[end - 1]
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    for script in (_KANJI, _KATAKANA, _LATIN):
        if _same_script(script, first) and _same_script(script, before):
            return False
        runs_on = _same_script(script, last) and _same_script(script, after)
        if runs_on and after not in _HONORIFIC_KANJI:
            return False
    if _same_script(_HIRAGANA, last) and _same_script(_HIRAGANA, after):
        return after in _KANA_NAME_FOLLOWERS
    return not (_same_script(_HIRAGANA, first) and _same_script(_HIRAGANA, before))


def repeated_spans(text: str, spans: Sequence[tuple[int, int, str]]) -> list[Repeat]:
    """Other occurrences of the values at ``spans`` (original offsets), not overlapping any.

    Linear in the note: each distinct value is looked up once (a second span
    with the same value finds the same occurrences, all taken by then), and
    whether an occurrence is free is read off a per-character map of what is
    taken, not by comparing it with every span so far (a note of 2,500 names
    made that 55 million comparisons).
    """
    norm = normalize(text)
    taken = Covered(len(text))
    for s, e, _ in spans:
        taken.add(s, e)
    out: list[Repeat] = []

    def add(s: int, e: int, label: str, source: int) -> None:
        if taken.free(s, e):
            out.append(Repeat(s, e, label, source))
            taken.add(s, e)

    digit_runs: list[tuple[str, int, int]] | None = None
    seen_digits: set[str] = set()
    seen_values: set[str] = set()
    for index, (start, end, label) in enumerate(spans):
        if label in DIGIT_LABELS:
            cs, ce = norm.to_canonical(start, end)
            digits = "".join(c for c in norm.text[cs:ce] if c.isascii() and c.isdigit())
            if len(digits) < MIN_DIGITS or digits in seen_digits:
                continue
            seen_digits.add(digits)
            if digit_runs is None:
                digit_runs = [
                    (re.sub(r"\D", "", m.group()), m.start(), m.end())
                    for m in _DIGIT_RUN.finditer(norm.text)
                ]
            for run, rs, re_ in digit_runs:
                if run == digits:
                    add(*norm.to_original(rs, re_), label, index)
        elif label in TEXT_LABELS:
            value = text[start:end]
            short_kana = label == "PERSON" and _HIRAGANA.match(value) and len(value) < 3
            if len(value) < 2 or short_kana or value in seen_values:
                continue
            seen_values.add(value)
            at = text.find(value)
            while at >= 0:
                if _whole_word(text, at, at + len(value)):
                    add(at, at + len(value), label, index)
                at = text.find(value, at + 1)
    return out


def with_repeats(text: str, spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``spans`` and every repeat of their values, sorted."""
    given = list(spans)
    extra = [(r.start, r.end, r.label) for r in repeated_spans(text, given)]
    return sorted(given + extra)
