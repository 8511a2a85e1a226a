"""One canonical form of a Japanese note for pattern matching, with a map back.

Call notes write the same digits many ways: ASCII, full-width (``０９０``),
kanji digit by digit (``〇九〇``) or positional (``二十四``), and spoken kana
from speech-to-text (``ゼロキューゼロのいちにさんよん``), separated by any
dash, dot or space. Recognizers match one canonical string instead of a dozen
regex variants, and report their results on the *original* text through the
offset map kept here.

Why hand-written: NFKC (``unicodedata``) covers full-width forms, but no
library maps kanji and spoken kana numerals back to code points of the source,
and every result must land on the original offsets.

Canonical form:

* every character NFKC-folded (full-width ASCII → ASCII, half-width katakana
  → full-width);
* runs of kanji numerals → ASCII digits (digit-wise ``〇九〇`` → ``090``,
  positional ``二十四`` → ``24``);
* runs of at least three spoken kana digits (or two starting with ゼロ/まる)
  → ASCII digits, the ``の``/spaces between them → ``-``;
* numbers read the long way with what they count, era names and day words
  (``しょうわごじゅうねんしちがつふつか`` → ``昭和50年7月2日``, ``にちょうめ`` →
  ``2丁目``; ``recognizers.spoken_counts``);
* letters, digits and symbols spelled out one by one (``ユー、エイチ、よん…`` →
  ``UH4…``, ``アットマーク ジーメール ドット コム`` → ``@gmail.com``;
  ``recognizers.spelled``);
* any dash-like character, ``・`` or ``.``-less separator between two digits → ``-``.

The map: canonical character ``i`` comes from original ``[starts[i], ends[i])``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from recognizers.foreign_digits import FIRST_CHARS as FOREIGN_FIRST_CHARS
from recognizers.foreign_digits import read_foreign_digits
from recognizers.invisible import visible
from recognizers.spelled import FIRST_CHARS as SPELLED_FIRST_CHARS
from recognizers.spelled import read_spelled
from recognizers.spoken_counts import WRITTEN_DIGITS, read_counted, to_hiragana

# Kanji numerals read digit by digit or positionally.
_KANJI_DIGITS = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    # yāo: how Chinese callers say 1 in a phone or card number (幺三八六, 二幺九七)
    "幺": 1,
}  # fmt: skip
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_KANJI_MYRIAD = {"万": 10_000}

# Spoken kana digit tokens (katakana and hiragana), longest first when matching.
# Ambiguous short readings (に, し, く, ご) are accepted only inside a run.
_SPOKEN: dict[str, str] = {}
for _digit, _readings in {
    "0": ("ゼロ", "ぜろ", "レイ", "れい", "マル", "まる"),
    "1": ("イチ", "いち", "ヒト", "ひと"),
    "2": ("ニー", "にー", "ニイ", "にい", "ニ", "に"),
    "3": ("サン", "さん"),
    "4": ("ヨン", "よん", "ヨー", "よー", "シ", "し"),
    "5": ("ゴー", "ごー", "ゴウ", "ごう", "ゴオ", "ごお", "ゴ", "ご"),
    "6": ("ロク", "ろく"),
    "7": ("ナナ", "なな", "シチ", "しち"),
    "8": ("ハチ", "はち", "ハッ", "はっ"),
    "9": ("キュー", "きゅー", "キュウ", "きゅう", "ク", "く"),
}.items():
    for _reading in _readings:
        _SPOKEN[_reading] = _digit
_SPOKEN_BY_LENGTH = sorted(_SPOKEN, key=len, reverse=True)
#: the readings by their first character, longest first: a lookup, not a scan of all
_SPOKEN_BY_FIRST: dict[str, tuple[str, ...]] = {
    first: tuple(r for r in _SPOKEN_BY_LENGTH if r[0] == first)
    for first in {r[0] for r in _SPOKEN_BY_LENGTH}
}
# A run must hold at least one reading that is hardly ever anything but a digit,
# so that "にさん" (two or three) or "ごく" stay words.
_DISTINCTIVE = frozenset(
    r for r in _SPOKEN if len(r) >= 2 and r not in {"さん", "ひと", "ごう", "いち", "はっ"}
)
#: (the long mark of a drawn-out の: よんよんななに、のー、いちいち…)
_SPOKEN_SEPARATORS = frozenset("の 　、,・-…ー")
#: hesitations a speaker puts inside a number read out ("ゼロキュー えーと ゼロ"):
#: LABELS.md keeps them inside the one span of the number
_FILLERS: tuple[str, ...] = (
    "えーっと", "ええっと", "えーと", "ええと", "えっと", "えー", "ええ", "あのー", "あの",
    "うーん", "んー", "まあ", "その",
    # a bare あ only as a word between pauses (…さん、あ、にー…), never a word's start
    "あっ、", "あ、", "あ…", "あ ", "あ\u3000",
)  # fmt: skip
_LONGEST_FILLER = max(map(len, _FILLERS))


#: how a speaker takes back the digits just said (あ 違う, いや, じゃなくて)
_CORRECTIONS: tuple[str, ...] = (
    "あ、違う", "あ 違う", "あ、ちがう", "あ ちがう", "あっ、違う", "違う違う", "ちがうちがう",
    "違います", "ちがいます", "違う", "ちがう", "じゃなくて", "ではなくて", "いや", "いえ",
    "間違えた", "間違えました", "まちがえた", "あ違う", "あっ違う", "あちがう", "もとい",
    "じゃない", "じゃなかった", "ではない", "違った", "ちがった",
)  # fmt: skip
#: what a speaker may say after taking digits back, before the right ones (最後は、に)
_AFTER_CORRECTION: tuple[str, ...] = (
    "最後は", "最後の", "最後が", "後ろは", "後ろの", "下は", "下の", "正しくは", "本当は",
)  # fmt: skip


def _correction_at(text: str, i: int) -> str | None:
    """A correction word at ``text[i]``, pauses after it included, if any."""
    fix = next((c for c in _CORRECTIONS if text.startswith(c, i)), None)
    if fix is None:
        return None
    k = i + len(fix)
    while k < len(text) and text[k] in "、, 　…":
        k += 1
    lead = next((w for w in _AFTER_CORRECTION if text.startswith(w, k)), None)
    if lead is not None:
        k += len(lead)
        while k < len(text) and text[k] in "、, 　…":
            k += 1
    return text[i:k]


def _reading_end(text: str, j: int, reading: str) -> int:
    """Where the digit ``reading`` at ``j`` ends: a trailing long-vowel mark belongs to
    it (キュー, ニー)."""
    end = j + len(reading)
    while end < len(text) and text[end] == "ー" and reading[-1] != "ー":
        end += 1
    return end


def _group_said_at(text: str, k: int) -> str:
    """The digits of the group read at ``k`` (readings one after another, no pause)."""
    out: list[str] = []
    while k < len(text) and (reading := _match_spoken_token(text, k)) is not None:
        out.append(_SPOKEN[reading])
        k = _reading_end(text, k, reading)
    return "".join(out)


def _filler_at(text: str, i: int) -> str | None:
    """A filler word at ``text[i]``, if any."""
    return next((f for f in _FILLERS if text.startswith(f, i)), None)


_DASHES = frozenset("-‐‑‒–—―−ー－ｰ﹣⁃・･")
#: counters after which a lone 十 is the number ten
_COUNTERS = frozenset("年月日歳才番号丁階条")  # not 分: 十分 is "enough"
#: spoken separators that stand between digits of one number (〇九〇の一二三四)
_DIGIT_JOINERS = frozenset("の")


@dataclass(frozen=True, slots=True)
class NormalizedText:
    """A canonical string and, per canonical character, its original span."""

    original: str
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a canonical span ``[start, end)`` to the original text's code points."""
        if not 0 <= start <= end <= len(self.text):
            raise ValueError("span outside the normalized text")
        if start == end:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def to_canonical(self, start: int, end: int) -> tuple[int, int]:
        """Map an original span to the smallest canonical span covering it."""
        cs = next((i for i, e in enumerate(self.ends) if e > start), len(self.text))
        ce = cs
        while ce < len(self.text) and self.starts[ce] < end:
            ce += 1
        return cs, ce


class _Builder:
    __slots__ = ("chars", "ends", "starts")

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.starts: list[int] = []
        self.ends: list[int] = []

    def emit(self, out: str, start: int, end: int) -> None:
        for ch in out:
            self.chars.append(ch)
            self.starts.append(start)
            self.ends.append(end)


def _nfkc(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


def _match_spoken_token(text: str, i: int) -> str | None:
    for reading in _SPOKEN_BY_FIRST.get(text[i : i + 1], ()):
        if text.startswith(reading, i):
            return reading
    return None


def _spoken_run(
    text: str, i: int, dead: set[int] | None = None
) -> list[tuple[int, int, str]] | None:
    """Parse a run of spoken digits at ``i``; items are (start, end, digit or '-').

    ``dead``: see ``recognizers.spelled.read_spelled`` (a failed run's tails fail too).
    """
    if dead is not None and i in dead:
        return None
    if text[i] in _AMBIGUOUS_TAIL and i > 0 and _is_wordlike(text[i - 1]):
        first = _match_spoken_token(text, i)
        if first is not None and len(first) == 1:
            return None  # おおきに、ぜろななご: the end of a word, not a digit opening a run
    items: list[tuple[int, int, str]] = []
    tokens: list[int] = []  # where each digit read starts, popped ones too
    pauses: list[int] = []  # where each pause between groups starts
    replaced = False  # a group said again replaced the one before
    after_fix = -1  # where the items said after a correction start
    digits = 0
    distinct = 0
    j = i
    n = len(text)
    while j < n:
        reading = _match_spoken_token(text, j)
        if (
            reading is not None
            and len(reading) > 1
            and _match_spoken_token(text, j + len(reading)) is None
        ):
            # にいち is 2 1, not にい (2) and a stray ち: a shorter reading the run goes on after
            reading = next(
                (
                    r
                    for r in _SPOKEN_BY_LENGTH
                    if len(r) < len(reading)
                    and text.startswith(r, j)
                    and _match_spoken_token(text, j + len(r)) is not None
                    and _match_spoken_token(text, j + len(r)) != text[j + len(r) : j + len(reading)]
                ),
                reading,
            )
        if reading is not None:
            end = _reading_end(text, j, reading)
            items.append((j, end, _SPOKEN[reading]))
            tokens.append(j)
            digits += 1
            distinct += reading in _DISTINCTIVE
            j = end
            continue
        if items and items[-1][2] != "-" and (text[j] in _SPOKEN_SEPARATORS or _filler_at(text, j)):
            k = j
            corrected = False
            hesitated = False
            while k < n:
                if text[k] in _SPOKEN_SEPARATORS:
                    hesitated = hesitated or text[k] == "…"
                    k += 1
                elif filler := _filler_at(text, k):
                    k += len(filler)
                    hesitated = True
                elif not corrected and (fix := _correction_at(text, k)):
                    k += len(fix)
                    corrected = True
                else:
                    break
            if k < n and _match_spoken_token(text, k) is not None:
                said = _last_group(items)
                if (
                    hesitated
                    and not corrected
                    and len(said) >= 2
                    and (again := _group_said_at(text, k)).startswith(said)
                    and len(again) > len(said)
                ):
                    # はちいち…えー、はちいちごー: a false start said again in full; the
                    # hesitation and the start said again take its place
                    while items and items[-1][2] != "-":
                        items.pop()
                        digits -= 1
                    replaced = True
                    if not items:
                        # the false start opened the run: the number starts again at k, and
                        # its first digit covers what was taken back
                        restarted = _spoken_run(text, k, None)
                        if restarted:
                            restarted[0] = (i, restarted[0][1], restarted[0][2])
                        return restarted
                    s0, _e0, _ = items.pop()
                    items.append((s0, k, "-"))
                    after_fix = len(items)
                    j = k
                    continue
                if corrected and "-" in (x[2] for x in items):
                    # ...よんさんにいち の あ 違う よんさんいちに: the group said again
                    # replaces the one before; the pause before it covers both
                    while items[-1][2] != "-":
                        items.pop()
                        digits -= 1
                    # よんろく ぜろ あ違う よんろくきゅう: the group said again opens with the
                    # group before the one taken back, so it replaces both
                    again = _group_said_at(text, k)
                    before = _last_group(items[:-1])
                    if before and len(again) > len(before) and again.startswith(before):
                        while len(items) > 1 and items[-2][2] != "-":
                            items.pop(-2)
                            digits -= 1
                        if len(items) > 1:
                            items.pop(-2)  # the digit-less group's own pause goes too
                    s0, _e0, _ = items.pop()
                    items.append((s0, k, "-"))
                    replaced = True
                    after_fix = len(items)
                    j = k
                    continue
                if corrected:
                    break  # nothing before to replace: the run ends at the correction
                items.append((j, k, "-"))
                pauses.append(j)
                j = k
                continue
        break
    # A one-kana hiragana reading at the end, followed by more words, is a
    # particle or a prefix (電話は090に, にかけて), not a digit.
    while items and items[-1][2] != "-" and len(items) - 1 != after_fix:
        # (the one digit said after a correction is the correction: 最後は、にだ)
        s, e, _ = items[-1]
        if (
            e - s == 1
            and text[s] in _AMBIGUOUS_TAIL
            and ((e < n and _is_wordlike(text[e])) or _fifth_in_a_group(items))
        ):
            items.pop()
            digits -= 1
            continue
        break
    if len(items) - 1 != after_fix and _lone_particle_group(text, items):
        items.pop()  # …ごーろくなな に お電話ください: the particle after the number
        digits -= 1
    while items and items[-1][2] == "-":
        items.pop()
    if not items:
        _mark_dead(dead, _dead_tails(text, tokens, pauses, replaced))
        return None
    _join_digit_per_word(items)
    first = text[i : items[0][1]]
    leading_zero = items[0][2] == "0" and first not in {"まる", "マル"}
    # a zero said inside (さんまるいち, ごまるに: a room number) is a number's, not a word's
    inner_zero = any(
        d == "0" and k > 0 and text[s:e] in _ZERO_WORDS
        for k, (s, e, d) in enumerate(x for x in items if x[2] != "-")
    )
    if (
        (digits >= 4 and distinct >= 1)
        or (digits >= 3 and distinct >= 2)
        or (digits >= 3 and inner_zero)
        or (digits >= 2 and leading_zero and distinct >= 2)
    ):
        return items
    _mark_dead(dead, _dead_tails(text, tokens, pauses, replaced))
    return None


def _dead_tails(text: str, tokens: list[int], pauses: list[int], replaced: bool) -> list[int]:
    """The digits read in a refused run whose own runs (its tails) are refused too.

    A tail ends where the run ends and reads fewer digits, so it fails the same
    tests, except where a test looks back at the groups before: the pops that
    count the last group (``_fifth_in_a_group``, ``_lone_particle_group``) see no
    pause from a digit inside the last group, a group said again replaces only
    what came before it, and a tail may open with a zero (``leading_zero``). Those
    tails are left to be read on their own.
    """
    if replaced:
        return []
    last_pause = pauses[-1] if pauses else len(text)
    return [t for t in tokens if t < last_pause and not text.startswith(_ZERO_STARTS, t)]


def _last_group(items: list[tuple[int, int, str]]) -> str:
    """The digits of the last group of ``items`` (after its last pause)."""
    out: list[str] = []
    for _, _, d in reversed(items):
        if d == "-":
            break
        out.append(d)
    return "".join(reversed(out))


def _lone_particle_group(text: str, items: list[tuple[int, int, str]]) -> bool:
    """Whether the last group is one ambiguous kana (に, し, ご, く) after groups of two
    digits or more, with a word after it: a particle, not a group of its own."""
    if len(items) < 3 or items[-2][2] != "-" or items[-3][2] == "-":
        return False
    s, e, _ = items[-1]
    if e - s != 1 or text[s] not in _AMBIGUOUS_TAIL:
        return False
    after = text[e:].lstrip(" \u3000")
    return bool(after) and _is_wordlike(after[0])


def _join_digit_per_word(items: list[tuple[int, int, str]]) -> None:
    """``ぜろ きゅう ぜろ いち に …``: speech-to-text wrote every digit as a word, so the
    blanks are no pauses between groups; each joins the digit before it."""
    groups = "".join("-" if d == "-" else "d" for _, _, d in items).split("-")
    if len(groups) < MIN_DIGIT_WORDS or any(g != "d" for g in groups):
        return
    joined: list[tuple[int, int, str]] = []
    for s, e, d in items:
        if d == "-":
            ps, _, pd = joined[-1]
            joined[-1] = (ps, e, pd)
        else:
            joined.append((s, e, d))
    items[:] = joined


#: a number said a digit a word needs this many digits to be read as one (ゆうちょ's
#: 記号 has five: いち、よん、いち、さん、ゼロ)
MIN_DIGIT_WORDS = 5


def _fifth_in_a_group(items: list[tuple[int, int, str]]) -> bool:
    """Whether the last digit read makes a fifth after four in a paused group.

    Phone numbers and My Numbers end in groups of four: ``…よんいちはちなな`` then
    ``に`` (何かあったら…に) is the particle, not a fifth digit.
    """
    if "-" not in (d for _, _, d in items):
        return False
    return len(_last_group(items[:-1])) == GROUP_OF_FOUR


#: the length of a phone number's or My Number's last group
GROUP_OF_FOUR = 4


def _mark_dead(dead: set[int] | None, tokens: list[int]) -> None:
    if dead is not None:
        dead.update(tokens)


_AMBIGUOUS_TAIL = frozenset("にしくご")
_ZERO_WORDS = frozenset({"ゼロ", "ぜろ", "マル", "まる", "レイ", "れい"})
_ZERO_STARTS = tuple(sorted(_ZERO_WORDS))


def _is_wordlike(ch: str) -> bool:
    """Hiragana or kanji: the start of a following word, not a pause."""
    return "\u3041" <= ch <= "\u309f" or "\u4e00" <= ch <= "\u9fff"


def _kanji_value(run: str) -> str:
    """Value of a kanji numeral run: digit-wise without units, positional with them."""
    if not any(c in _KANJI_UNITS or c in _KANJI_MYRIAD for c in run):
        return "".join(str(_KANJI_DIGITS[c]) for c in run)
    total = 0
    section = 0
    digit: int | None = None
    for c in run:
        if c in _KANJI_DIGITS:
            digit = _KANJI_DIGITS[c]
        elif c in _KANJI_UNITS:
            section += (1 if digit is None else digit) * _KANJI_UNITS[c]
            digit = None
        else:  # 万
            section += digit or 0
            total += (section or 1) * _KANJI_MYRIAD[c]
            section = 0
            digit = None
    return str(total + section + (digit or 0))


def _is_kanji_numeral(ch: str) -> bool:
    return ch in _KANJI_DIGITS or ch in _KANJI_UNITS or ch in _KANJI_MYRIAD


#: what a speaker or a hurried typist puts between the digit groups of one number
_PAUSE_CHARS = frozenset("の、, 　-")
_PAUSE_MARKS = frozenset("の、")


def _formatted_run(
    chars: list[str], text: str, starts: list[int], ends: list[int], k: int, step: int
) -> bool:
    """Whether the digit run next to ``k`` (``step`` -1: before, +1: after) holds a typed dash.

    ``4-6-24、090-1234-5678`` is two values side by side: a pause is read
    as one number's separator only between plain digit groups.
    """
    j = k + step
    while 0 <= j < len(chars) and (chars[j].isdigit() or chars[j] == "-"):
        if chars[j] == "-" and not _PAUSE_MARKS.intersection(text[starts[j] : ends[j]]):
            return True
        j += step
    return False


def _said(text: str, starts: list[int], ends: list[int], k: int) -> bool:
    """Whether canonical digit ``k`` was said in kana or kanji, not typed as a digit."""
    return not any(c in _TYPED_DIGITS for c in text[starts[k] : ends[k]])


_TYPED_DIGITS = frozenset(WRITTEN_DIGITS)
#: a typed run this long after a said one is the whole number written back, not its rest
_WHOLE_RUN = 5


def _said_then_typed_whole(
    chars: list[str], text: str, starts: list[int], ends: list[int], before: int, after: int
) -> bool:
    if _said(text, starts, ends, before) == _said(text, starts, ends, after):
        return False
    typed = after if not _said(text, starts, ends, after) else before
    step = 1 if typed == after else -1
    j, run = typed, 0
    while 0 <= j < len(chars) and chars[j].isascii() and chars[j].isdigit():
        run += 1
        j += step
    return run >= _WHOLE_RUN


#: what a count ends in (一人, 2回, 3つ): a number so counted is no group of another
_COUNT_WORDS = frozenset("人つ回枚個件名台本冊匹頭")


def _counted_after(chars: list[str], m: int) -> bool:
    """Whether the digit run at ``chars[m]`` is a count (its counter right after it)."""
    k = m
    while k < len(chars) and chars[k].isascii() and chars[k].isdigit():
        k += 1
    return k < len(chars) and chars[k] in _COUNT_WORDS


def _is_ellipsis(chars: list[str], text: str, starts: list[int], i: int) -> bool:
    """The dots NFKC made of an ellipsis (…) at ``chars[i]``: a pause, where dots typed
    as dots stay what they are (ASCII maps to itself)."""
    return chars[i] == "." and text[starts[i]] in "…‥"


def _filler_in(chars: list[str], i: int) -> str | None:
    """A filler word starting at ``chars[i]`` (canonical characters, one per item)."""
    ahead = "".join(chars[i : i + _LONGEST_FILLER])
    return next((f for f in _FILLERS if ahead.startswith(f)), None)


def _collapse_pauses_between_digits(out: _Builder, text: str) -> None:
    """``025の、628`` and ``022、223``: a pause between digit groups is one ``-``.

    Only runs that hold an ``の`` or ``、`` (a plain blank between groups is
    left to the patterns that expect it, as in My Numbers written 4-4-4).
    """
    chars, starts, ends = out.chars, out.starts, out.ends
    k = 1
    while k < len(chars) - 1:
        if (chars[k] in _PAUSE_CHARS or _is_ellipsis(chars, text, starts, k)) and (
            chars[k - 1].isascii() and chars[k - 1].isdigit()
        ):
            m = k
            ellipsis = False
            while m < len(chars):
                if chars[m] in _PAUSE_CHARS:
                    m += 1
                elif _is_ellipsis(chars, text, starts, m):  # 2926…1263: the dots NFKC made of …
                    while m < len(chars) and chars[m] == ".":
                        m += 1
                    ellipsis = True
                elif filler := _filler_in(chars, m):
                    m += len(filler)  # 1320の、えー、558214: a filler inside the pause
                else:
                    break
            run = chars[k:m]
            # a full-width comma between numbers said in kanji is a Chinese pause
            # (二零三八，四四六二); between typed digits it parts thousands (1，234円)
            chinese = text[starts[k]] == "，" and _is_kanji_numeral(text[ends[k - 1] - 1])
            if (
                m < len(chars)
                and (m - k > 1 or chars[k] == "、" or chinese)
                and chars[m].isascii()
                and chars[m].isdigit()
                and (ellipsis or _PAUSE_MARKS.intersection(run) or chinese)
                and not (
                    "-" not in run
                    and not chinese
                    and (
                        _formatted_run(chars, text, starts, ends, k, -1)
                        or _formatted_run(chars, text, starts, ends, m - 1, 1)
                    )
                )
                # a number said, then the same typed back whole (さん、…、ゼロ、3647210)
                and not _said_then_typed_whole(chars, text, starts, ends, k - 1, m)
                # S14.9.3、一人暮らし: a count after the pause starts another phrase
                and not _counted_after(chars, m)
            ):
                chars[k:m] = ["-"]
                starts[k:m] = [starts[k]]
                ends[k:m] = [ends[m - 1]]
        k += 1


#: digits keyed one box at a time, or spaced out by OCR: 5 5 0 7 3 1 9, 0 9 0 - 2 7 6 1
#: (a residence card read letter by letter too: A B 4 5 1 2 0 9 8 7 C D)
_COUNTER_AFTER = re.compile(r"[ \u3000]?(?:号室|室)")
_SPACED_DIGITS = re.compile(
    # (after a kana or kanji word too: 記号が1 2 5 4 0)
    r"(?<![0-9A-Za-z_])[\dA-Zl](?![\dA-Za-z])"
    r"(?:(?:[ \u3000]|[ \u3000]?-[ \u3000]?)[\dA-Zl](?![\dA-Za-z])){2,}"
)
#: letters OCR and hurried typists put for digits: O for 0, l and I for 1 (O8O-5521-3O96)
_LETTER_DIGITS = {"O": "0", "o": "0", "l": "1", "I": "1"}
#: a scan's B for 8, read only between digits
_BOTH_SIDES_LETTER_DIGITS = {"B": "8"}


def _join_spaced_digits(out: _Builder) -> None:
    """Drop the blanks of a run of single spaced digits, so the patterns see one number.

    A blank between single digits (``1 4 1 7 0``) joins them; digit groups
    (``1234 5678 9012``) keep their blanks, which their own patterns expect.
    """
    joined = "".join(out.chars)
    if " " not in joined and "\u3000" not in joined:
        return
    drop: set[int] = set()
    for m in _SPACED_DIGITS.finditer(joined):
        blanks = sum(1 for c in m.group() if c in " \u3000")
        digits = sum(map(str.isdigit, m.group()))
        # a block number boxed digit by digit (5 9 - 3) is shorter than a phone number
        dashed = "-" in m.group() and blanks >= 2 and digits >= 3
        # … and so is a room boxed before its counter (2 0 l号室; 1 2 3番 is a list)
        counted = blanks >= 2 and _COUNTER_AFTER.match(joined, m.end()) is not None
        if not (dashed or counted) and (blanks < 3 or digits < 4):
            continue
        drop.update(k for k in range(m.start(), m.end()) if joined[k] in " \u3000")
    _drop_blanks(out, drop)


#: a form's number boxed digit by digit, as a scan draws the boxes (|2|1|7|4|…, 7│8│7…):
#: six boxes at least, one digit each (a phone number has ten, a My Number twelve)
#: (a scan's O or l in a box is a digit too: |0|0|0|2|7|l|3|…)
_BOXED_DIGITS = re.compile(
    r"(?<![\dA-Za-z])(?<![\dA-Za-z][|│｜])[\dOlI](?:[ \u3000]?[|│｜][ \u3000]?[\dOlI-]){5,}"
    r"(?<!-)(?![\dA-Za-z])"
)
#: of which this many at least are digits: |O|l|I|O|l|I| is no number
MIN_BOXED_DIGITS = 4


#: what a box holds: a digit, a look-alike, or the hyphen printed between groups
#: (|1|2|3|4|-|5|6|…: the pension number's 4-6)
_BOXED_CELL = frozenset("0123456789OlI-")


def _join_boxed_digits(out: _Builder) -> None:
    """Drop the box lines (and blanks) between single boxed digits: one number."""
    joined = "".join(out.chars)
    if not any(c in joined for c in "|│｜"):
        return
    drop = {
        k
        for m in _BOXED_DIGITS.finditer(joined)
        if sum(map(str.isdigit, m.group())) >= MIN_BOXED_DIGITS
        for k in range(m.start(), m.end())
        if joined[k] not in _BOXED_CELL
    }
    _drop_blanks(out, drop)


def _drop_blanks(out: _Builder, drop: set[int]) -> None:
    """Remove the blanks at canonical positions ``drop``; each belongs to the digit
    before it, whose original span grows over it."""
    if not drop:
        return
    for k in sorted(drop, reverse=True):  # a run of dropped characters: all to the digit
        out.ends[k - 1] = out.ends[k]
    keep = [k for k in range(len(out.chars)) if k not in drop]
    out.chars = [out.chars[k] for k in keep]
    out.starts = [out.starts[k] for k in keep]
    out.ends = [out.ends[k] for k in keep]


#: a blank a scan put inside a number: one lone digit, a blank, the rest of the number
#: up to its counter or dash (2月2 9日, 6丁目 2 2番, 047-4 31-2290); a list of numbers
#: (1 2 3) has a digit before the lone one
_BLANK_INSIDE_NUMBER = re.compile(
    r"(?<!\d)(?<!\d[ \u3000])[\dlOI]([ \u3000])\d{1,4}(?=[ \u3000]?[年月日番号丁目-])"
)


def _join_blank_inside_number(out: _Builder) -> None:
    joined = "".join(out.chars)
    _drop_blanks(out, {m.start(1) for m in _BLANK_INSIDE_NUMBER.finditer(joined)})


#: blanks a scan or a typist put around a dash between digits (3 - 22, 8 - l - 4O3), or
#: between a block number and 丁目 (西今宿 6 丁目): the number is one, the blanks are none
_BLANKS_AT_DASH = re.compile(r"(?<=[\dlOI])([ \u3000]{0,2})-([ \u3000]{0,2})(?=[\dlOI])")
_BLANK_BEFORE_CHOME = re.compile(r"(?<!\d)(?<!\d[ \u3000])\d{1,2}([ \u3000])(?=丁目)")


def _join_spaced_dashes(out: _Builder) -> None:
    joined = "".join(out.chars)
    drop: set[int] = set()
    for m in _BLANKS_AT_DASH.finditer(joined):
        drop.update(range(m.start(1), m.end(1)))
        drop.update(range(m.start(2), m.end(2)))
    drop.update(m.start(1) for m in _BLANK_BEFORE_CHOME.finditer(joined))
    _drop_blanks(out, drop)


#: Korean date counters after a digit are the kanji ones (1993년 4월 27일 → 1993年4月27日)
_KOREAN_COUNTERS = {"년": "年", "월": "月", "일": "日"}


def _korean_date_counters(out: _Builder) -> None:
    chars = out.chars
    for k in range(1, len(chars)):
        if chars[k] in _KOREAN_COUNTERS and chars[k - 1].isascii() and chars[k - 1].isdigit():
            chars[k] = _KOREAN_COUNTERS[chars[k]]


def _letters_as_digits(out: _Builder) -> None:
    """``O54``, ``O8O-5521-3O96``, ``1l``, ``3-l-25``: a letter in a run of digits is the
    digit it looks like.

    Only where the letter (or a run of look-alikes: ``OO412877``) touches a digit (or a
    dash after a digit) on one side and no other letter on either: ``OK``, ``Olive``
    and ``ID`` stay words. ``B`` for ``8``
    needs digits on both sides (``19B7``, ``078-B21``): ``B1F`` and ``2B`` are a floor
    and a room.
    """
    chars = out.chars
    n = len(chars)

    def digitlike(k: int, step: int) -> bool:
        if not 0 <= k < n:
            return False
        if chars[k].isascii() and chars[k].isdigit():
            return True
        far = k + step
        # a dash, or a date's dot or slash (S56.ll.O3), after a digit
        return (
            chars[k] in "-./"
            and 0 <= far < n
            and chars[far].isascii()
            and chars[far].isdigit()
        )

    k = 0
    while k < n:
        ch = chars[k]
        if ch not in _LETTER_DIGITS and ch not in _BOTH_SIDES_LETTER_DIGITS:
            k += 1
            continue
        # a run of look-alikes (OO412877) reads as one: all digits or all letters
        end = k + 1
        if ch in _LETTER_DIGITS:
            while end < n and chars[end] in _LETTER_DIGITS:
                end += 1
        prev = chars[k - 1] if k > 0 else ""
        nxt = chars[end] if end < n else ""
        if (prev.isascii() and prev.isalpha()) or (nxt.isascii() and nxt.isalpha()):
            k = end
            continue
        before, after = digitlike(k - 1, -1), digitlike(end, 1)
        if ch in _LETTER_DIGITS and (before or after):
            for j in range(k, end):
                chars[j] = _LETTER_DIGITS[chars[j]]
        elif ch in _BOTH_SIDES_LETTER_DIGITS and before and after:
            chars[k] = _BOTH_SIDES_LETTER_DIGITS[ch]
        k = end


def _normalize(text: str) -> NormalizedText:
    out = _Builder()
    hira = to_hiragana(text)
    # where a refused run's items start: no run starts there (linear scans, issue 16)
    unspelled: set[int] = set()
    unspoken: set[int] = set()
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        spelled = read_spelled(hira, i, unspelled) if hira[i] in SPELLED_FIRST_CHARS else None
        if spelled:
            for piece in spelled:
                out.emit(piece.out, piece.start, piece.end)
            i = spelled[-1].end
            continue
        foreign = read_foreign_digits(text, i) if ch in FOREIGN_FIRST_CHARS else None
        if foreign:
            for piece in foreign:
                out.emit(piece.out, piece.start, piece.end)
            i = foreign[-1].end
            continue
        counted = read_counted(text, hira, i) if hira[i] in _COUNTED_FIRST_CHARS else None
        outrun = None
        if counted and ch in _SPOKEN_FIRST_CHARS and not _inside_kana_word(hira, i):
            # 記号がいち、よん、いち…: digits read one by one outrun the one number read
            # the long way (いち); the reading that goes further wins
            digits = _spoken_run(text, i, None)
            if digits and digits[-1][1] > counted[-1].end:
                counted, outrun = None, digits
        if counted:
            for piece in counted:
                out.emit(piece.out, piece.start, piece.end)
            i = counted[-1].end
            continue
        if _is_kanji_numeral(ch):
            j = i
            while j < n and _is_kanji_numeral(text[j]):
                j += 1
            run = text[i:j]
            if not any(c in _KANJI_DIGITS for c in run):
                # units with no digit are words (千葉, 百合子, 十分, 万一), not numbers,
                # except a lone 十 counting something (十月十日, 十番, 十号): that is 10
                if run == "十" and j < n and text[j] in _COUNTERS:
                    out.emit("1", i, i + 1)
                    out.emit("0", i, i + 1)
                else:
                    out.emit(ch, i, i + 1)
                i += 1
                continue
            if run[0] in _KANJI_MYRIAD:  # 万 leading a run is a word (万一), not a number
                out.emit(ch, i, i + 1)
                i += 1
                continue
            if any(c in _KANJI_UNITS or c in _KANJI_MYRIAD for c in run):
                # positional: the value spans the whole run
                value = _kanji_value(run)
                for k, d in enumerate(value):
                    # spread digits over the run so the map stays monotonic
                    a = i + min(k, len(run) - 1)
                    out.emit(d, a, j if k == len(value) - 1 else a + 1)
            else:
                for k, c in enumerate(run):
                    out.emit(str(_KANJI_DIGITS[c]), i + k, i + k + 1)
            i = j
            continue
        spoken = outrun or (
            _spoken_run(text, i, unspoken)
            if ch in _SPOKEN_FIRST_CHARS and not _inside_kana_word(hira, i)
            else None
        )
        if spoken:
            for s, e, d in spoken:
                out.emit(d, s, e)
            i = spoken[-1][1]
            continue
        if i + 1 < n and text[i + 1] in "ﾞﾟ":
            # half-width kana with a separate voicing mark: fold the pair
            out.emit(unicodedata.normalize("NFKC", text[i : i + 2]), i, i + 2)
            i += 2
            continue
        out.emit(_nfkc(ch), i, i + 1)
        i += 1
    _korean_date_counters(out)
    _letters_as_digits(out)
    _collapse_pauses_between_digits(out, text)
    _join_boxed_digits(out)
    _join_spaced_digits(out)
    _join_blank_inside_number(out)
    _join_spaced_dashes(out)
    _letters_as_digits(out)  # a letter among spaced digits (4 O 7 1, l 4日) touches them now
    chars = out.chars
    # dashes and dots between digits are one canonical separator
    for k in range(1, len(chars) - 1):
        if (
            (chars[k] in _DASHES or chars[k] in _DIGIT_JOINERS)
            and chars[k - 1].isascii()
            and chars[k - 1].isdigit()
        ):
            nxt = chars[k + 1]
            if nxt.isascii() and nxt.isdigit():
                chars[k] = "-"
    return NormalizedText(text, "".join(chars), tuple(out.starts), tuple(out.ends))


_SPOKEN_FIRST_CHARS = frozenset(r[0] for r in _SPOKEN)
#: words speech-to-text writes in kana with a digit's reading inside, right before
#: the digits they name (でんわばんごう ぜろきゅうぜろ: ごう is no 5)
_KANA_WORDS_WITH_DIGITS = ("ばんごう",)


def _inside_kana_word(hira: str, i: int) -> bool:
    return any(
        hira.startswith(word, i - k)
        for word in _KANA_WORDS_WITH_DIGITS
        for k in range(1, min(i, len(word) - 1) + 1)
    )


#: first letters of a number read the long way (``recognizers.spoken_counts``)
_COUNTED_FIRST_CHARS = frozenset("いにさよしごろなはきくじひびぴせぜつふみむよことへれめたが")


@lru_cache(maxsize=16)
def normalize(text: str) -> NormalizedText:
    """Canonical form of ``text`` with its offset map (cached: every recognizer asks).

    Invisible characters (``recognizers.invisible``) are read through: the
    canonical text has none, and a value with one inside maps back to an
    original span that covers it. Half-width katakana is read as full-width.
    """
    vis = visible(text)
    if not vis.changed:
        return _normalize(text)
    inner = _normalize(vis.text)
    pos = vis.positions
    return NormalizedText(
        text,
        inner.text,
        tuple(pos[s] for s in inner.starts),
        tuple(vis.to_original(e - 1, e)[1] for e in inner.ends),
    )
