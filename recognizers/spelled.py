"""Letters, digits and symbols spelled out one by one: e-mails and card numbers read aloud.

A caller reads a residence card as ``ユー、エイチ、よん、はち、…、エフ、アール``
(UH48…FR) and an e-mail as ``けー、ドット、おー、…、アットマーク、じーめーる、
ドット、コム``. Speech-to-text writes each letter's name in kana. This module
reads such a run into the characters it spells (``UH48…FR``,
``K.O…@gmail.com``), as pieces mapped to the original characters, so the
residence-card, passport and e-mail recognizers see the value they validate.

A run must hold at least four spelled items, two of them letters or
symbols: a single ``えー`` (a filler as often as the letter A), ``あい`` or
``いー`` is never read on its own. Pauses (``、``, blanks, ``・``) between items
are dropped from the canonical text and stay inside the span.

Hand-written: no library reads Japanese letter names back into Latin letters.
"""

from __future__ import annotations

from recognizers.spoken_counts import Piece

#: letter names (katakana folded to hiragana), longest first when matching
_LETTERS: dict[str, str] = {
    "だぶりゅー": "W", "だぶりゅ": "W", "えっくす": "X", "えいち": "H", "えっち": "H",
    "あーる": "R", "じぇー": "J", "じぇい": "J", "でぃー": "D", "てぃー": "T", "ぜっと": "Z",
    "ぜっど": "Z", "えー": "A", "えい": "A", "びー": "B", "しー": "C", "いー": "E", "えふ": "F",
    "じー": "G", "あい": "I", "けー": "K", "けい": "K", "える": "L", "えむ": "M", "えぬ": "N",
    "おー": "O", "ぴー": "P", "えす": "S", "てぃ": "T", "ゆー": "U", "ぶい": "V", "ゔぃ": "V",
    "わい": "Y", "でー": "D",
}  # fmt: skip
#: symbols and the words mail addresses are made of
_WORDS: dict[str, str] = {
    "あっとまーく": "@", "あっと": "@", "どっとこむ": ".com", "どっと": ".", "てん": ".",
    "あんだーばー": "_", "あんだーすこあ": "_", "あんだすこあ": "_", "あんだーらいん": "_",
    "はいふん": "-", "まいなす": "-", "すらっしゅ": "/",
    "じーめーる": "gmail", "じーめいる": "gmail", "やふー": "yahoo", "どこも": "docomo",
    "あうとるっく": "outlook", "ほっとめーる": "hotmail", "にふてぃ": "nifty",
    "あいくらうど": "icloud", "こむ": "com", "じぇーぴー": "jp", "ねっと": "net",
    "うぇぶ": "web", "えーゆー": "au",
}  # fmt: skip
_DIGITS: dict[str, str] = {
    "ぜろ": "0", "れい": "0", "まる": "0", "いち": "1", "にー": "2", "に": "2", "さん": "3",
    "よん": "4", "ごー": "5", "ご": "5", "ろく": "6", "なな": "7", "しち": "7", "はち": "8",
    "きゅう": "9", "きゅー": "9", "く": "9",
}  # fmt: skip
_TOKENS: tuple[tuple[str, str, str], ...] = tuple(
    sorted(
        [(r, o, "letter") for r, o in _LETTERS.items()]
        + [(r, o, "word") for r, o in _WORDS.items()]
        + [(r, o, "digit") for r, o in _DIGITS.items()],
        key=lambda t: -len(t[0]),
    )
)
_PAUSES = frozenset("、,，・… \u3000")
#: digits typed among spelled letters, ASCII or full-width, as the canonical digit
_TYPED_DIGITS = {c: str(i % 10) for i, c in enumerate("0123456789０１２３４５６７８９")}
#: the longest typed group read inside a spelled run
MAX_TYPED = 8
FIRST_CHARS = frozenset(r[0] for r, _, _ in _TOKENS)
MIN_ITEMS = 4


#: the tokens by their first character, longest first: a lookup, not a scan of all
_TOKENS_BY_FIRST: dict[str, tuple[tuple[str, str, str], ...]] = {
    first: tuple(t for t in _TOKENS if t[0][0] == first) for first in {t[0][0] for t in _TOKENS}
}


def _token_at(hira: str, i: int) -> tuple[int, str, str] | None:
    for reading, out, kind in _TOKENS_BY_FIRST.get(hira[i : i + 1], ()):
        if hira.startswith(reading, i):
            end = i + len(reading)
            if reading[-1] != "ー" and hira[end : end + 1] == "ー":
                end += 1  # a long vowel a speaker adds (えむー)
            return end, out, kind
    return None


def read_spelled(hira: str, i: int, dead: set[int] | None = None) -> list[Piece] | None:
    """Pieces for a spelled-out run at ``i`` of the hiragana-folded note, or None.

    ``dead``, shared by the calls on one note, makes a scan of the note
    linear: a run that fails marks where each of its items starts, because
    the run read from there is its own tail (the items depend on the position
    only) and a tail never passes where the whole run failed. Without it,
    ``さんさんさん…`` (digits, no letter) was read again from every item.
    """
    if dead is not None and i in dead:
        return None
    pieces: list[Piece] = []
    kinds: list[str] = []
    j = i
    while j < len(hira):
        typed = j
        while typed < len(hira) and hira[typed] in _TYPED_DIGITS and typed - j < MAX_TYPED:
            typed += 1
        if typed > j and kinds:
            # a group typed as digits between spelled letters (エヌ・ケー、3308、1946、イー・エー)
            pieces.extend(Piece(k, k + 1, _TYPED_DIGITS[hira[k]]) for k in range(j, typed))
            kinds.append("digit")
            stop = typed
        else:
            tok = _token_at(hira, j)
            if tok is None:
                break
            stop, out, kind = tok
            pieces.append(Piece(j, stop, out))
            kinds.append(kind)
        k = stop
        while k < len(hira) and hira[k] in _PAUSES:
            k += 1
        j = k
    letters = sum(k in ("letter", "word") for k in kinds)
    if len(pieces) < MIN_ITEMS or letters < 2 or "letter" not in kinds:
        if dead is not None:
            dead.update(p.start for p in pieces)
        return None
    return pieces
