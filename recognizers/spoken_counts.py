"""Numbers read out the long way, with what they count: dates, blocks, house numbers.

Speech-to-text writes what the caller says: ``しょうわごじゅうねんのしちがつふつか``
(昭和50年7月2日), ``にじゅうくにち`` (29日), ``にちょうめのじゅうさんのよん``
(2丁目13の4), ``ろっぴゃくにじゅうばんち`` (620番地). Digit-by-digit readings
(``ゼロキューゼロ``) are handled by ``normalize``; this module reads the
positional ones (``じゅう``, ``ひゃく``, ``せん`` with every sound change:
``ろっぴゃく``, ``はっせん``, ``さんびゃく``), the counters after them, the era
names and the day words (``ついたち``, ``はつか``), into the canonical form the
recognizers match (``昭和50年7月2日``), as pieces mapped to the original
characters they came from.

Where a reading is ambiguous — ``に``, ``し``, ``ご``, ``く`` are particles as
often as digits, ``じゅう`` opens ``じゅうしょ`` — a number is read only where
what follows settles it: a counter (``ねん``, ``がつ``, ``ちょうめ``…), ``の`` and
another number, or the end of a phrase. A bare digit word is read only as
part of such a chain. Anything else is left as it is, for the recognizers'
own validation (dates must exist, blocks need a town) to judge.

Hand-written: no library reads Japanese kana numerals with an offset map.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

#: digit words, longest first (katakana is folded to hiragana before matching)
_DIGIT_WORDS: tuple[tuple[str, int], ...] = (
    ("きゅう", 9), ("きゅー", 9), ("いち", 1), ("いっ", 1), ("さん", 3), ("よん", 4),
    ("ろく", 6), ("ろっ", 6), ("なな", 7), ("しち", 7), ("はち", 8), ("はっ", 8),
    ("にー", 2), ("ごー", 5), ("に", 2), ("よ", 4), ("し", 4), ("ご", 5), ("く", 9),
)  # fmt: skip
_UNIT_WORDS: tuple[tuple[str, int], ...] = (
    ("じゅう", 10), ("じゅっ", 10), ("じっ", 10), ("じゅー", 10),
    ("ひゃく", 100), ("びゃく", 100), ("ぴゃく", 100),
    ("せん", 1000), ("ぜん", 1000),
)  # fmt: skip
#: counters: reading → canonical text
COUNTERS: tuple[tuple[str, str], ...] = (
    ("ちょうめ", "丁目"), ("ちょーめ", "丁目"), ("ちょう", "丁"), ("ばんち", "番地"),
    ("ごうしつ", "号室"),
    ("ねん", "年"), ("がつ", "月"), ("にち", "日"), ("ばん", "番"), ("ごう", "号"),
    ("じょう", "条"), ("さい", "歳"),
    # a number said in kana and its counter written in kanji (ごじゅうなな年)
    ("丁目", "丁目"), ("番地", "番地"), ("年", "年"), ("月", "月"), ("日", "日"), ("番", "番"),
    ("号", "号"), ("歳", "歳"),
)  # fmt: skip
_COUNTER_OUTS = frozenset(c for _, c in COUNTERS) | {"日"}
#: counters that may stand a blank after their number (a date's, a block's): not 番 or 号,
#: which after a blank begin other words as often (いち ばん, ご ごう)
_SPACED_COUNTERS = frozenset({"年", "月", "日", "丁目", "番地"})
#: day words of the calendar (1–10, 14, 20, 24 have their own readings)
_DAY_WORDS: tuple[tuple[str, int], ...] = (
    ("ついたち", 1), ("ふつか", 2), ("みっか", 3), ("よっか", 4), ("いつか", 5),
    ("むいか", 6), ("なのか", 7), ("なぬか", 7), ("ようか", 8), ("ここのか", 9),
    ("とおか", 10), ("はつか", 20), ("みそか", 31),
)  # fmt: skip
ERAS: tuple[tuple[str, str], ...] = (
    ("しょうわ", "昭和"), ("へいせい", "平成"), ("れいわ", "令和"), ("たいしょう", "大正"),
    ("めいじ", "明治"), ("しょーわ", "昭和"), ("へーせー", "平成"),
)  # fmt: skip
_ERA_WORDS: tuple[tuple[str, int], ...] = tuple((r, 0) for r, _ in ERAS)
#: what may stand between two numbers of one chain (13の4, 2丁目 13番)
_CHAIN_JOINERS = ("の", "、", " ", "\u3000")
#: a positional number this large needs no counter to be one (よんせんろっぴゃくにじゅう,
#: the first group of a pension number): no word of speech reads like it
LONE_NUMBER_MIN = 100
#: after a number with no counter, these end a phrase, so the number stands
_PHRASE_END = frozenset("のでですねよ、。 \u3000\n！？!?")


#: digits typed as digits, ASCII and full-width
WRITTEN_DIGITS = "0123456789０１２３４５６７８９"
#: one-kana digit words: read as a first digit only after a particle or a pause,
#: never inside a word (にし is west, not 2 + 4)
_ONE_KANA_DIGITS = frozenset("によしごく")
_SMALL_KANA = frozenset("ぁぃぅぇぉゃゅょっゎー")
_MAY_PRECEDE_ONE_KANA = frozenset("はをがもと、。 \u3000\n「：:")
#: a number that opens with a unit word (せん, ひゃく, じゅう) after hiragana other than
#: these particles is the end of a word: ません, いっしょうけんめい…
_MAY_PRECEDE_UNIT = _MAY_PRECEDE_ONE_KANA | frozenset("のにでへやかねよえー")


class Piece(NamedTuple):
    """Canonical ``out`` for the original characters ``[start, end)``."""

    start: int
    end: int
    out: str


def _is_name_char(ch: str) -> bool:
    kanji_or_katakana = "\u4e00" <= ch <= "\u9fff" or "\u30a1" <= ch <= "\u30fa"
    return kanji_or_katakana or (ch.isalpha() and ch.isascii())


def to_hiragana(text: str) -> str:
    """Katakana folded to hiragana, one character for one (offsets hold)."""
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in text)


def _word_at(hira: str, i: int, words: tuple[tuple[str, int], ...]) -> tuple[str, int] | None:
    first = hira[i : i + 1]
    if first not in _first_chars(words):
        return None  # most characters start no word of the list: no scan
    return next(((w, v) for w, v in words if hira.startswith(w, i)), None)


@lru_cache(maxsize=64)
def _first_chars(words: tuple[tuple[str, int], ...]) -> frozenset[str]:
    return frozenset(w[:1] for w, _ in words)


def _number_at(hira: str, i: int) -> tuple[int, int, bool] | None:
    """A kana number at ``i``: (end, value, positional), longest reading first.

    Digits already written as digits (``ショウワ47ネン``) count too.
    """
    j = i
    while j < len(hira) and hira[j] in WRITTEN_DIGITS:
        j += 1
    if j > i:
        return j, int("".join(str(WRITTEN_DIGITS.index(c) % 10) for c in hira[i:j])), False
    total = 0
    digit: int | None = None
    j = i
    positional = False
    while j < len(hira):
        unit = _word_at(hira, j, _UNIT_WORDS)
        if unit is not None:
            total += (1 if digit is None else digit) * unit[1]
            digit = None
            positional = True
            j += len(unit[0])
            continue
        if digit is not None or (positional and _word_at(hira, j, _DAY_WORDS) is not None):
            break  # じゅうよっか: ten, then the day word よっか (14日)
        if positional and _counter_at(hira, j) is not None:
            break  # さんじゅうにち: thirty, then the counter にち (30日), not 32 + ち
        d = _word_at(hira, j, _DIGIT_WORDS)
        if d is None:
            break
        digit = d[1]
        j += len(d[0])
    if j == i:
        return None
    return j, total + (digit or 0), positional


def _counter_at(hira: str, i: int) -> tuple[str, str] | None:
    for reading, canonical in COUNTERS:
        # a counter is a whole word: にちょっと is not 日 + ょっと
        if hira.startswith(reading, i) and hira[i + len(reading) : i + len(reading) + 1] not in (
            _SMALL_KANA
        ):
            return reading, canonical
    return None


def _emit_number(pieces: list[Piece], start: int, end: int, value: int) -> None:
    digits = str(value)
    span = end - start
    for k, d in enumerate(digits):
        a = start + min(k * span // len(digits), span - 1)
        b = end if k == len(digits) - 1 else max(a + 1, start + (k + 1) * span // len(digits))
        pieces.append(Piece(a, b, d))


def _item_at(hira: str, i: int, in_chain: bool) -> tuple[int, list[Piece], bool] | None:
    """One counted number (or a day word) at ``i``: (end, pieces, has a counter)."""
    day = _word_at(hira, i, _DAY_WORDS)
    if day is not None:
        stop = i + len(day[0])
        return stop, [Piece(i, stop - 1, str(day[1])), Piece(stop - 1, stop, "日")], True
    num = _number_at(hira, i)
    if num is None:
        return None
    end, value, positional = num
    pieces: list[Piece] = []
    # じゅうよっか (14日), にじゅうよっか (24日): a ten, then a day word
    if positional and value % 10 == 0:
        day = _word_at(hira, end, _DAY_WORDS)
        if day is not None and day[1] < 10:
            stop = end + len(day[0])
            _emit_number(pieces, i, stop - 1, value + day[1])
            pieces.append(Piece(stop - 1, stop, "日"))
            return stop, pieces, True
    counter = _counter_at(hira, end)
    gap = end
    if counter is None:
        # speech-to-text's blank between a number and its counter (よんじゅうに ねん)
        while gap < len(hira) and hira[gap] in " \u3000":
            gap += 1
        spaced = _counter_at(hira, gap) if gap > end else None
        counter = spaced if spaced is not None and spaced[1] in _SPACED_COUNTERS else None
    if counter is not None:
        _emit_number(pieces, i, end, value)
        stop = gap + len(counter[0]) if gap > end else end + len(counter[0])
        pieces.append(Piece(end, stop, counter[1]))
        return stop, pieces, True
    nxt = hira[end : end + 1]
    if (positional or in_chain) and (nxt == "" or nxt in _PHRASE_END):
        _emit_number(pieces, i, end, value)
        return end, pieces, value >= LONE_NUMBER_MIN
    return None


#: the pauses and fillers a speaker puts between a label or counter and the number
_PAUSE_TAIL = r"(?:[{extra}、, \u3000]|えー+と?|えっと|あの)*$"
_BLOCK_COUNTER_BEFORE = re.compile(
    r"(?:丁目|番地|ちょうめ|チョウメ|ばんち|バンチ)" + _PAUSE_TAIL.format(extra="")
)


#: the label of a card's or passbook's short number (記号が、にじゅうなな): what follows
#: is a number however short, as after a block counter
_NUMBER_LABEL_BEFORE = re.compile(
    r"(?:記号|番号|きごう|ばんごう|キゴウ|バンゴウ)" + _PAUSE_TAIL.format(extra="はがの")
)


def _is_katakana(ch: str) -> bool:
    return "\u30a1" <= ch <= "\u30fa" or ch == "ー"


def _is_hiragana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u3096"


def _after_block_counter(text: str, i: int) -> bool:
    window = (max(0, i - 12), i)
    return (
        _BLOCK_COUNTER_BEFORE.search(text, *window) is not None
        or _NUMBER_LABEL_BEFORE.search(text, *window) is not None
    )


#: what a block said as …ちょう (2丁, not 2丁目) follows: a town's name, a pause between
_TOWN_BEFORE = re.compile(r"[町通村区丁字][ \u3000、,の]*$")


def read_counted(text: str, hira: str, i: int) -> list[Piece] | None:
    """Canonical pieces for a spoken era/number/counter chain at ``i``, or None.

    ``hira`` is ``to_hiragana(text)``. A chain is read only when it holds at
    least one counter, or a positional number joined by ``の`` to another.
    """
    if i > 0 and _is_katakana(text[i]) and _is_katakana(text[i - 1]):
        return None  # カルティク月: the end of a katakana word, not 9月
    if (
        hira[i] in _ONE_KANA_DIGITS
        and i > 0
        and hira[i - 1] not in _MAY_PRECEDE_ONE_KANA
        and not hira[i - 1].isdigit()
        and _word_at(hira, i, _DIGIT_WORDS) in {(hira[i], d) for d in range(10)}
        and _counter_at(hira, i + 1) is None  # きたにちょうめ: 北 + 2丁目
    ):
        return None
    # すいません、ゼロ…: a unit word ending a word (ません) is no thousand, unless a
    # counter follows it at once (にしじゅうさんじょう: 西 + 13条)
    word_end = (
        i > 0
        and _word_at(hira, i, _UNIT_WORDS) is not None
        and _is_hiragana(hira[i - 1])
        and hira[i - 1] not in _MAY_PRECEDE_UNIT
    )
    if i > 0 and any(hira.endswith(w, 0, i) for w, _ in _DIGIT_WORDS):
        num = _number_at(hira, i)
        if num is not None and not num[2]:
            return None  # にさんにち (two or three days): a spoken range, not one number
    if (
        hira.startswith("さん", i)
        and i > 0
        and _is_name_char(text[i - 1])
        and _word_at(hira, i + 2, _UNIT_WORDS) is None
    ):
        return None  # 田中さん: the honorific, not three
    pieces: list[Piece] = []
    j = i
    era = _word_at(hira, j, _ERA_WORDS)
    if era is not None:
        name = dict(ERAS)[era[0]]
        k = j + len(era[0])
        while k < len(hira) and hira[k] in "の、 \u3000…":
            k += 1
        if hira.startswith("がんねん", k):  # 元年
            pieces += [Piece(j, j + len(era[0]), name), Piece(k, k + 2, "元"),
                       Piece(k + 2, k + 4, "年")]  # fmt: skip
            j = k + 4
        else:
            item = _item_at(hira, k, in_chain=False)
            if item is None or not item[1] or item[1][-1].out != "年":
                return None
            pieces += [Piece(j, j + len(era[0]), name), *item[1]]
            j = item[0]
    counted = any(p.out in _COUNTER_OUTS for p in pieces)
    items = 1 if pieces else 0
    if not pieces and _after_block_counter(text, i):
        # 上杉一丁目、えー、ろくのに: the house number after a block, however short (and
        # a card's number after its label)
        first = _item_at(hira, i, in_chain=True)
        if first is None:
            return None
        pieces, j = list(first[1]), first[0]
        counted, items = True, 1
    while True:
        k = j
        if pieces:
            while k < len(hira) and hira[k] in _CHAIN_JOINERS:
                k += 1
        item = _item_at(hira, k, in_chain=bool(pieces))
        if item is None:
            break
        stop, new, has_counter = item
        if word_end and not pieces and new[-1].out not in _COUNTER_OUTS:
            return None
        if pieces and k == j and stop - k == 1 and hira[k] in _ONE_KANA_DIGITS:
            break  # 20日に: the particle after a counter, not a digit
        if pieces and k > j:
            # the joiner between two numbers: の between digits becomes "-" later
            pieces.append(Piece(j, k, text[j:k]))
        pieces += new
        counted = counted or has_counter
        items += 1
        j = stop
    if not pieces or not (counted or items >= 2):
        return None
    if any(p.out == "丁" for p in pieces) and not _TOWN_BEFORE.search(text, 0, i):
        return (
            None  # しちょう, くちょう, いちょう: a mayor, a ward head, a ginkgo; 町 にちょう: 2丁
        )
    while pieces and pieces[-1].out in _CHAIN_JOINERS:
        pieces.pop()
    return pieces
