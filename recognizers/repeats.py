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
from collections.abc import Collection, Iterable, Sequence
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
#: a card's or passbook's 記号 and 番号 are short (記号27 番号14825) and read back all the
#: same; a run this short repeats one only where no counter makes it a date, an amount
#: or a count (27日, 1701円)
PAIR_LABELS = frozenset({"BANK_ACCOUNT", "HEALTH_INSURANCE_NUMBER", "PENSION_NUMBER"})
PAIR_MIN_DIGITS = 4
_COUNTED_AFTER = re.compile(r"[年月日歳才円時分秒番号丁目階件回人名%％桁万千百枚通]")
#: a phone number's local part (exchange and line, seven digits or more) read back
#: without its area code is the same number
PHONE_TAIL_DIGITS = 7
#: a number said in pieces (ごー、にー、ゼロ、なな … で、棒があって、さん、いち…) and
#: read back whole: at most this many runs, this many characters apart
MAX_PIECES = 4
PIECE_GAP = 30
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


def _digit_runs(text: str) -> list[tuple[str, int, int]]:
    """Every run of digits in canonical ``text``: (its digits, start, end)."""
    return [(re.sub(r"\D", "", m.group()), m.start(), m.end()) for m in _DIGIT_RUN.finditer(text)]


def _pieces_of(digits: str, runs: Sequence[tuple[str, int, int]]) -> list[tuple[int, int]]:
    """Consecutive runs, each near the last, whose digits joined are ``digits``: a value
    said in pieces across fillers or turns. Linear in the runs: a window of at most
    ``MAX_PIECES`` runs starts at each run that opens the value."""
    found: list[tuple[int, int]] = []
    for i, (first, _, _) in enumerate(runs):
        if first == digits or len(first) < 2 or not digits.startswith(first):
            continue
        joined, spans = first, [runs[i][1:]]
        for run, rs, re_ in runs[i + 1 : i + MAX_PIECES]:
            if rs - spans[-1][1] > PIECE_GAP or len(run) < 2 or not digits.startswith(joined + run):
                break
            joined += run
            spans.append((rs, re_))
            if joined == digits:
                found.extend(spans)
                break
    return found


def repeated_spans(
    text: str,
    spans: Sequence[tuple[int, int, str]],
    sure: Collection[int] | None = None,
) -> list[Repeat]:
    """Other occurrences of the values at ``spans`` (original offsets), not overlapping any.

    The parts of a full name (its surname alone) are looked for only after the names
    at indices ``sure`` (all when None): a part is weaker evidence than the whole, and
    a doubtful name's part spreads its doubt.

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
    seen_digits: set[tuple[str, str]] = set()
    seen_values: set[str] = set()
    seen_parts: set[str] = set()
    for index, (start, end, label) in enumerate(spans):
        if label in DIGIT_LABELS:
            cs, ce = norm.to_canonical(start, end)
            digits = "".join(c for c in norm.text[cs:ce] if c.isascii() and c.isdigit())
            if (label, digits) in seen_digits:
                continue
            seen_digits.add((label, digits))
            short = len(digits) < MIN_DIGITS
            if short and (label not in PAIR_LABELS or len(digits) < PAIR_MIN_DIGITS):
                continue
            if digit_runs is None:
                digit_runs = _digit_runs(norm.text)
            for run, rs, re_ in digit_runs:
                if run == digits and not (short and _COUNTED_AFTER.match(norm.text, re_)):
                    add(*norm.to_original(rs, re_), label, index)
            if short:
                continue
            for rs, re_ in _pieces_of(digits, digit_runs):
                add(*norm.to_original(rs, re_), label, index)
            if label == "PHONE_NUMBER":
                # the number without its area code, read back (086-803-1729 … 803の1729)
                for run, rs, re_ in digit_runs:
                    tail = len(run) >= PHONE_TAIL_DIGITS and run != digits
                    if tail and digits.endswith(run) and norm.text[rs - 1 : rs] != "-":
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
            if label == "PERSON" and (sure is None or index in sure):
                for part in _name_parts(value):
                    if part in seen_parts:
                        continue
                    seen_parts.add(part)
                    for at in _part_occurrences(text, part):
                        add(at, at + len(part), label, index)
    return out


#: what divides the parts of a full name (森 千夏, グエン・ティ・ホア, Chen, Mei-Ling)
_NAME_DIVIDER = re.compile(r"[ \u3000・･=＝,，]+")
#: a part next to one of these is a piece of another joined name
_CHAIN_MARKS = frozenset("・･=＝")
#: a part followed by one of these names a company or a shop
_ORG_AFTER = ("社", "商店", "工務店", "商会", "株式会社", "製作所", "グループ", "社長")
#: words a doubtful span may have taken with the name (氏名 大野): never a part of it
_FIELD_WORDS = frozenset(
    {"氏名", "名前", "電話", "住所", "続柄", "名義", "フリガナ", "カナ", "様", "さん"}
)
#: the particles of Latin names (Maria de Souza, Ngo Van An's van, bin, al): words of the
#: language too, so never a part said on its own
_NAME_PARTICLES = frozenset(
    {
        "de", "da", "do", "dos", "das", "del", "della", "di", "du", "van", "von", "der", "den",
        "la", "le", "el", "y", "e", "bin", "binti", "al", "ibn", "dan", "ng",
    }
)  # fmt: skip
#: a part is letters only (not "U-" of "AFC U-19")
_WORD_PART = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
#: titles written right after a surname said alone (岡田委員, 安達班長): the kanji run on,
#: yet the part is the same person's
_TITLES_AFTER_PART = (
    "委員", "班長", "課長", "係長", "主任", "主査", "主事", "部長", "所長", "室長", "先生", "夫人",
)  # fmt: skip
#: after a one-character part, only an honorific makes it the same person (森様ですね)
_HONORIFIC_AFTER = re.compile(r"[ \u3000]?(?:様|さん|さま|氏|くん|君|ちゃん|殿)")


def _name_parts(value: str) -> list[str]:
    """The parts of a full name said on their own elsewhere (the surname, the given name)."""
    parts = [p for p in _NAME_DIVIDER.split(value) if p]
    if len(parts) < 2:
        return []
    return [
        p
        for p in parts
        if _WORD_PART.fullmatch(p) and p not in _FIELD_WORDS and p.lower() not in _NAME_PARTICLES
    ]


def _part_occurrences(text: str, part: str) -> list[int]:
    """Where a part of a found full name stands as a word of its own: two characters or
    more as a whole word (a Latin one in any case: SANTOS for Santos), one character
    only before an honorific."""
    found: list[int] = []
    latin = _LATIN.match(part) is not None
    haystack, needle = (text.casefold(), part.casefold()) if latin else (text, part)
    at = haystack.find(needle)
    while at >= 0:
        end = at + len(part)
        inside_other = text[at - 1 : at] in _CHAIN_MARKS or text[end : end + 1] in _CHAIN_MARKS
        if inside_other or text.startswith(_ORG_AFTER, end):
            pass  # トンマージ・プレッティ・ゼーバー, スウィネン社: another name, a company
        elif len(part) >= 2 and not (_HIRAGANA.match(part) and len(part) < 3):
            titled = text.startswith(_TITLES_AFTER_PART, end) and not (
                at > 0 and _KANJI.match(text[at - 1])
            )
            if titled or _whole_word(text, at, end):
                found.append(at)
        elif (
            len(part) == 1
            and _KANJI.match(part)
            and _HONORIFIC_AFTER.match(text, end)
            and (at == 0 or not _KANJI.match(text[at - 1]))
        ):
            found.append(at)
        at = haystack.find(needle, at + 1)
    return found


def with_repeats(text: str, spans: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``spans`` and every repeat of their values, sorted."""
    given = list(spans)
    extra = [(r.start, r.end, r.label) for r in repeated_spans(text, given)]
    return sorted(given + extra)
