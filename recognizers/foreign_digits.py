"""Digits said in the caller's own language, as interpreters and transcripts write them.

A caller through an interpreter reads a number in Portuguese (``zero oito
zero... sete três dois um``), Vietnamese (``không chín không, ba hai năm
bảy``), Spanish (``cero dos ocho cinco``), English (``zero-eight-zero,
seven-seven-one-nine``, ``double five``), Indonesian, Tagalog (``sero siyam
sero``), romanized Nepali (``shunya nau shunya``) or Korean (``공일공 일이삼사``,
a syllable a digit), and the transcript keeps the words.
This reader turns such a run into digits for the canonical text, a pause
(``,``, ``...``, ``…``) into the ``-`` between digit groups, so every
recognizer validates it as it would ``090-1234-5678``.

A run needs ``MIN_WORDS`` digits in a row: ``one or two``, ``năm``
(five, and also "year"), ``ba`` (three, and also "dad") or ``이사`` (two-four,
and also "moving house") alone stay words.

Hand-written: no library reads spoken digits of several languages back to
code points of the source.
"""

from __future__ import annotations

import re

from recognizers.spoken_counts import Piece

#: digit words by language; a word in two languages has one value in all of them
DIGIT_WORDS: dict[str, str] = {
    # English
    "zero": "0", "oh": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9",
    # Portuguese and Spanish
    "um": "1", "uma": "1", "dois": "2", "duas": "2", "três": "3", "tres": "3", "quatro": "4",
    "cinco": "5", "seis": "6", "meia": "6", "sete": "7", "oito": "8", "nove": "9",
    "cero": "0", "uno": "1", "una": "1", "dos": "2", "cuatro": "4", "siete": "7",
    "ocho": "8", "nueve": "9",
    # Vietnamese
    "không": "0", "linh": "0", "một": "1", "hai": "2", "ba": "3", "bốn": "4", "tư": "4",
    "năm": "5", "lăm": "5", "sáu": "6", "bảy": "7", "bẩy": "7", "tám": "8", "chín": "9",
    # Indonesian and Malay
    "nol": "0", "kosong": "0", "satu": "1", "dua": "2", "tiga": "3", "empat": "4",
    "lima": "5", "enam": "6", "tujuh": "7", "delapan": "8", "lapan": "8", "sembilan": "9",
    # Tagalog (lima as in Indonesian)
    "sero": "0", "isa": "1", "dalawa": "2", "tatlo": "3", "apat": "4", "anim": "6",
    "pito": "7", "walo": "8", "siyam": "9",
    # Nepali and Hindi, romanized
    "shunya": "0", "sunya": "0", "ek": "1", "dui": "2", "tin": "3", "teen": "3", "char": "4",
    "chaar": "4", "panch": "5", "paanch": "5", "chha": "6", "saat": "7", "aath": "8",
    "nau": "9",
}  # fmt: skip
#: Sino-Korean digits, a syllable each, as Korean callers read phone numbers (공일공)
HANGUL_DIGITS: dict[str, str] = {
    "공": "0", "영": "0", "일": "1", "이": "2", "삼": "3", "사": "4", "오": "5", "육": "6",
    "륙": "6", "칠": "7", "팔": "8", "구": "9",
}  # fmt: skip
#: English says a digit twice or three times in one word (double five: 55)
REPEATERS: dict[str, int] = {"double": 2, "triple": 3}
MIN_WORDS = 4

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F\u1E00-\u1EFF]+|[\uAC00-\uD7A3]+")
_BLANKS = re.compile(r"[ \u3000]+")
#: between two digit words of one group: a blank or a hyphen
_JOIN = re.compile(r"[ \u3000]*-[ \u3000]*|[ \u3000]+")
#: between two groups: a comma, dots or an ellipsis, with blanks around
_PAUSE = re.compile(
    r"[ \u3000]*(?:,|、|\.{2,}|…+)[ \u3000]*"
    # the hyphen said as a word (six zero one nine, dash, four four two…)
    r"(?:(?:dash|hyphen|guión|guion|traço|tiret)[ \u3000]*(?:,|、)?[ \u3000]*)?"
    r"|[ \u3000]+(?:dash|hyphen|guión|guion|traço|tiret)[ \u3000]*(?:,|、)?[ \u3000]*",
    re.IGNORECASE,
)
#: how a caller takes back the group just said, in their language (no, perdón; não,
#: desculpa; ay mali po; sorry, I mean; xin lỗi), then a pause
_CORRECTION = re.compile(
    r"(?:no,?[ \u3000]+perdón|no,?[ \u3000]+perdon|perdón|perdon|não,?[ \u3000]+desculpa|desculpa|"
    r"não|nao|ay,?[ \u3000]+mali[ \u3000]+po|mali[ \u3000]+po|sorry,?[ \u3000]+I[ \u3000]+mean|"
    r"sorry|I[ \u3000]+mean|xin[ \u3000]+lỗi|không[ \u3000]+phải|maaf|salah)"
    r"(?:[ \u3000]*(?:,|、|\.{2,}|…+)[ \u3000]*|[ \u3000]+)",
    re.IGNORECASE,
)
FIRST_CHARS = frozenset(
    {c for w in (*DIGIT_WORDS, *REPEATERS) for c in (w[0], w[0].upper())} | set(HANGUL_DIGITS)
)


#: what a Korean caller glues after a group of digits: 에 (the hyphen read out: 공구공에
#: 삼칠일팔에), which the run goes on after, and the endings of the answer (이고, 이에요,
#: 요, 입니다), which it stops before
HANGUL_GROUP_SEPARATORS: tuple[str, ...] = ("에",)
HANGUL_ENDINGS: tuple[str, ...] = ("입니다", "이에요", "이고요", "이고", "예요", "이요", "요", "번")


def _hangul_digits(word: str, end: int) -> tuple[int, str] | None:
    """A Korean word of digit syllables, maybe with 에 or an answer's ending after them."""
    digits = "".join(HANGUL_DIGITS.get(ch, "") for ch in word)
    if len(digits) == len(word):
        return end, digits
    for tail, keep in (*((t, True) for t in HANGUL_GROUP_SEPARATORS),
                       *((t, False) for t in HANGUL_ENDINGS)):  # fmt: skip
        head = word[: -len(tail)]
        if word.endswith(tail) and len(head) >= 2 and all(ch in HANGUL_DIGITS for ch in head):
            return (end if keep else end - len(tail)), "".join(HANGUL_DIGITS[ch] for ch in head)
    return None


def _digit_at(text: str, i: int) -> tuple[int, str] | None:
    """The word at ``i`` as digits: a digit word, ``double``/``triple`` and the digit word
    after it, or a Korean word whose every syllable is a digit."""
    m = _WORD.match(text, i)
    if m is None:
        return None
    word = m.group()
    if word[0] in HANGUL_DIGITS:
        return _hangul_digits(word, m.end())
    times = REPEATERS.get(word.lower())
    if times is not None:
        blank = _BLANKS.match(text, m.end())
        nxt = _digit_at(text, blank.end()) if blank is not None else None
        if nxt is None or len(nxt[1]) != 1:
            return None
        return nxt[0], nxt[1] * times
    digit = DIGIT_WORDS.get(word.lower())
    return None if digit is None else (m.end(), digit)


def read_foreign_digits(text: str, i: int) -> list[Piece] | None:
    """Canonical pieces for a run of foreign digit words at ``i``, or None."""
    if i > 0 and (text[i - 1].isalpha() or text[i - 1].isdigit()):
        return None
    first = _digit_at(text, i)
    if first is None:
        return None
    pieces: list[Piece] = []
    start, (end, digit) = i, first
    words = 0
    while True:
        words += len(digit)
        nxt_start, sep = end, ""
        pause = _PAUSE.match(text, end)
        join = _JOIN.match(text, end) if pause is None else None
        if pause is not None:
            nxt_start, sep = pause.end(), "-"
        elif join is not None:
            nxt_start = join.end()
        nxt = _digit_at(text, nxt_start) if nxt_start > end or pause is not None else None
        fix = _CORRECTION.match(text, nxt_start) if nxt is None and pause is not None else None
        if fix is not None and (again := _digit_at(text, fix.end())) is not None:
            # …dos cero uno uno… no, perdón, dos cero uno dos: the group said again replaces
            # the one before; the first digit said again covers what it replaces
            while pieces and pieces[-1].out != "-":
                words -= len(pieces.pop().out)
            words -= len(digit)
            start, (end, digit) = (pieces[-1].end if pieces else i), again
            continue
        if nxt is None:
            pieces.append(Piece(start, end, digit))
            break
        if sep:
            pieces.append(Piece(start, end, digit))
            pieces.append(Piece(end, nxt_start, sep))
        else:  # the blank or hyphen inside a group belongs to the digit before it
            pieces.append(Piece(start, nxt_start, digit))
        start, (end, digit) = nxt_start, nxt
    return pieces if words >= MIN_WORDS else None
