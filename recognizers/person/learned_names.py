"""Names a learned character model finds: one more, small piece of PERSON evidence.

Why a model next to the rules: every hand rule covers one shape of name, and
notes written by people who never read the rules bring new shapes (a rare
surname before ``様``, a given name after ``妻の``). A character-level
linear-chain CRF (CRFsuite) tagged B/I/O for PERSON learns which characters
and which contexts make a name from Wikipedia sentences, UD Japanese GSD and
synthetic call-note sentences; see ``data/PERSON_MODEL_README.md`` for its
sources, licences and scores, and ``data/build_person_model.py`` to retrain it.

It is evidence, not a verdict: each span carries the CRF's marginal
probability (the lowest over its characters), and the recognizer turns that
into a low score that clears the analyzer's threshold on its own only when the
model is confident.

Features (shared by training and tagging, so they live here): the character
(NFKC-folded, digits as ``0``), its neighbours and the n-grams around it,
the script class of each, and whether a known surname or given name of two to
four characters starts at, ends at or covers the position.

Off switch: ``REDACTOR_PERSON_MODEL=off`` (read by :func:`model_enabled`).
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from recognizers.person.candidate import Candidate

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "person_crf.model"
#: the environment variable that turns the model off (``off``, ``0``, ``false``, ``no``)
ENV_SWITCH = "REDACTOR_PERSON_MODEL"
SOURCE = "learned"
#: name lengths looked up in the surname and given-name lists
_LEXICON_LENGTHS = (2, 3, 4)

Feature = list[str]
IsName = Callable[[str], bool]


def model_enabled(environ: dict[str, str] | None = None) -> bool:
    """Whether the learned source runs: on unless ``REDACTOR_PERSON_MODEL`` says off."""
    env = os.environ if environ is None else environ
    return env.get(ENV_SWITCH, "on").strip().lower() not in {"off", "0", "false", "no"}


#: line breaks, all seen as one visible character: CRFsuite's model dump is read line by
#: line, so a feature string must not hold one
_LINE_BREAKS = frozenset("\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029")
LINE_BREAK = "⏎"


def _fold(ch: str) -> str:
    """One character as the model sees it: NFKC (half-width kana, full-width Latin), 0-9 as 0."""
    if ch in _LINE_BREAKS:
        return LINE_BREAK
    folded = unicodedata.normalize("NFKC", ch)[:1] or ch
    return "0" if folded.isdigit() else folded


def char_class(ch: str) -> str:
    """The script of a (folded) character: K kanji, H hiragana, T katakana, L/l Latin, ..."""
    o = ord(ch)
    if 0x4E00 <= o <= 0x9FFF or ch in "々〆ヶ":
        return "K"
    if 0x3041 <= o <= 0x309F:
        return "H"
    if 0x30A0 <= o <= 0x30FF or 0x31F0 <= o <= 0x31FF:
        return "T"
    if 0xAC00 <= o <= 0xD7A3:
        return "G"
    if ch.isascii() and ch.isalpha():
        return "L" if ch.isupper() else "l"
    if ch == "0":
        return "D"
    if ch == LINE_BREAK:
        return "N"
    if ch.isspace():
        return "S"
    return "P"


def _lexicon_marks(
    chars: str, classes: str, is_surname: IsName, is_given: IsName
) -> list[set[str]]:
    """Per position: which list entries start (B), continue (I) or end (E) there.

    Only runs of kanji and kana are looked up (``classes`` is ``chars``' script
    classes), the lookup that costs the most of the model's time.
    """
    marks: list[set[str]] = [set() for _ in chars]
    n = len(chars)
    run_end = n  # where the run of kanji and kana holding position i ends
    for i in range(n - 1, -1, -1):
        if classes[i] not in "KHT":
            run_end = i
            continue
        for length in _LEXICON_LENGTHS:
            if i + length > run_end:
                break
            word = chars[i : i + length]
            for tag, test in (("sur", is_surname), ("giv", is_given)):
                if test(word):
                    marks[i].add(f"{tag}B")
                    for k in range(i + 1, i + length - 1):
                        marks[k].add(f"{tag}I")
                    marks[i + length - 1].add(f"{tag}E")
    return marks


#: each feature of a character: its name and the window of the padded string it reads,
#: as (first, last) offsets from the character, and whether it reads the script classes
_WINDOWS: tuple[tuple[str, int, int, bool], ...] = (
    ("c", 0, 0, False),
    ("c-1", -1, -1, False),
    ("c+1", 1, 1, False),
    ("c-2", -2, -2, False),
    ("c+2", 2, 2, False),
    ("b-1", -1, 0, False),
    ("b+1", 0, 1, False),
    ("t-1", -1, 1, False),
    ("t-2", -2, 0, False),
    ("t+0", 0, 2, False),
    ("l3", -3, -1, False),
    ("r3", 1, 3, False),
    ("k", 0, 0, True),
    ("k3", -1, 1, True),
    ("k5", -2, 2, True),
)
#: the padding either side of a text, as wide as the widest window reaches
_PAD = 3


#: run lengths from this one up are one value
_RUN_CAP = 6


def _runs(classes: str) -> list[tuple[str, str]]:
    """Per position: the length of its run of one script (capped) and where in it it is.

    A katakana name is a run of its own (``ナランゲレル``), a kanji name mostly two
    to four characters between kana: the run tells the model where a word's
    edges are, which the window of five characters cannot for longer runs.
    """
    out: list[tuple[str, str]] = []
    n = len(classes)
    i = 0
    while i < n:
        j = i
        while j < n and classes[j] == classes[i]:
            j += 1
        size = min(j - i, _RUN_CAP)
        for k in range(i, j):
            where = "S" if j - i == 1 else "B" if k == i else "E" if k == j - 1 else "I"
            out.append((f"run={classes[i]}{size}", f"rp={where}{classes[i]}"))
        i = j
    return out


def features(text: str, is_surname: IsName, is_given: IsName) -> list[Feature]:
    """The feature strings of every character of ``text`` (one list per character).

    Built a column at a time (every character's ``c-1=``, then every ``c+1=``...) and
    zipped: the same lists as writing each character's sixteen strings in turn, in a
    fraction of the time (the tagger runs on every chunk of every note).
    """
    chars = "".join([_fold_char(c) for c in text])
    classes = "".join([_class_of(c) for c in chars])
    marks = _lexicon_marks(chars, classes, is_surname, is_given)
    n = len(chars)
    pad = "^" * _PAD + chars + "$" * _PAD
    cpad = "^" * _PAD + classes + "$" * _PAD
    columns: list[list[str]] = [["b"] * n]
    for name, first, last, of_classes in _WINDOWS:
        source = cpad if of_classes else pad
        lo, hi = _PAD + first, _PAD + last + 1
        prefix = name + "="
        columns.append([prefix + source[j + lo : j + hi] for j in range(n)])
    out: list[Feature] = [list(row) for row in zip(*columns, strict=True)] if n else []
    for i, (found, run) in enumerate(zip(marks, _runs(classes), strict=True)):
        if found:
            out[i].extend([f"lex={m}" for m in sorted(found)])
        out[i].extend(run)
    return out


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    return _fold(ch)


@lru_cache(maxsize=4096)
def _class_of(ch: str) -> str:
    return char_class(ch)


def bio_spans(tags: list[str]) -> Iterator[tuple[int, int]]:
    """(start, end) of every B I* run; an I without a B starts a span too."""
    start: int | None = None
    for i, tag in enumerate([*tags, "O"]):
        if tag == "B" or (tag == "I" and start is None) or tag == "O":
            if start is not None:
                yield start, i
                start = None
            if tag in ("B", "I"):
                start = i


@lru_cache(maxsize=1)
def _tagger(path: Path = MODEL_PATH) -> Any:
    """The CRFsuite tagger, opened once per process (the file is a few MB)."""
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def learned_name_spans(
    text: str, is_surname: IsName, is_given: IsName, path: Path = MODEL_PATH
) -> list[tuple[int, int, float]]:
    """(start, end, confidence) of each name the model tags in ``text``.

    Confidence is the lowest marginal probability of the tags along the span:
    one doubtful character makes the whole span doubtful.
    """
    if not text.strip():
        return []
    tagger = _tagger(path)
    tagger.set(features(text, is_surname, is_given))
    tags: list[str] = tagger.tag()
    out: list[tuple[int, int, float]] = []
    for start, end in bio_spans(tags):
        conf = min(tagger.marginal(tags[k], k) for k in range(start, end))
        out.append((start, end, float(conf)))
    return out


#: the marginal a span needs to count at all, and to count on its own
SUPPORT_BAR = 0.5
CONFIDENT_BAR = 0.98
#: scores given below and above ``CONFIDENT_BAR``: supporting evidence only, or a
#: score that clears the analyzer's PERSON threshold (0.5) alone
SUPPORT_SCORE = 0.15
CONFIDENT_SCORE = 0.5


def learned_name_candidates(
    text: str,
    is_surname: IsName,
    is_given: IsName,
    others: Collection[tuple[int, int]] = (),
    *,
    confident_bar: float | None = None,
    shapes: Shapes | None = None,
    path: Path = MODEL_PATH,
) -> list[Candidate]:
    """The model's spans as scored candidates for the PERSON recognizer.

    ``others`` are the spans the other sources proposed. The rules' edges are
    trusted over the model's (an honorific cut off, a reading split off), so
    a span that matches one of them exactly adds its score to it, one that
    overlaps one without matching is dropped (it would take the other's
    evidence and its own edges), and one that touches none stands alone only
    when the model is confident. ``confident_bar`` defaults to the module's
    ``CONFIDENT_BAR``, read at call time so that the ablation bench can sweep it.

    ``shapes`` (from Sudachi's tokens, :func:`token_shapes`) says what a span is
    made of. One of whole noun tokens is sure from ``NOUN_BAR`` up: the model is
    unsure of many names it finds in prose (``馬歩青``, ``ブリガム・ヤング`` at 0.8 to
    0.95), and at that confidence it also takes a dialect word (``おおきに``), a word
    with its particle (``みなみの``) or the start of a word (``ふじ`` of ``ふじもと``),
    which the tokens tell apart. A span of whole tokens holding a particle, an
    auxiliary or an interjection (``ひろう|さ``, ``大丈夫``) is never sure: it does not
    stand alone, and only supports another source's span.
    """
    bar = CONFIDENT_BAR if confident_bar is None else confident_bar
    known = set(others)
    out: list[Candidate] = []
    for start, end, conf in learned_name_spans(text, is_surname, is_given, path):
        if conf < SUPPORT_BAR:
            continue
        shape = shapes(start, end) if shapes is not None else OTHER
        sure = (conf >= bar and shape != WORDS) or (shape == NOUNS and conf >= NOUN_BAR)
        if (start, end) not in known:
            inside = [(s, e) for s, e in known if s < end and start < e]
            if inside:
                if conf < WIDEN_BAR or not _widens(text, start, end, inside):
                    continue
            elif not sure or shape == BLANKED or not _may_stand_alone(text[start:end]):
                continue
        score = CONFIDENT_SCORE if sure else SUPPORT_SCORE
        out.append(Candidate(start, end, SOURCE, score))
    return out


def _may_stand_alone(span: str) -> bool:
    """A span with no other source's word on it: two characters at least (件, 都 are
    nouns the model takes at 0.85), and two words if in Latin letters (Taiwan)."""
    if len(span) < MIN_ALONE_CHARS:
        return False
    latin = all(c.isascii() or "\u00c0" <= c <= "\u024f" for c in span)
    return not latin or len(span.split()) >= MIN_ALONE_LATIN_WORDS


#: the shortest span the model may report with no other source on it
MIN_ALONE_CHARS = 2
MIN_ALONE_LATIN_WORDS = 2


#: what Sudachi's tokens make of a span: whole nouns (blanks and name dots between),
#: whole tokens holding a function word, anything else (a token cut, a verb)
NOUNS, WORDS, OTHER = "nouns", "words", "other"
#: a span the analyzer's focus step blanked for the model (no name evidence near)
BLANKED = "blanked"
Shapes = Callable[[int, int], str]
#: tags of the tokens a span of whole tokens makes ``WORDS`` with
_FUNCTION_TAGS = ("助詞", "助動詞", "感動詞", "形状詞", "接続詞")
#: what a span of whole noun tokens may hold besides nouns: blanks and name dots
_NOUN_GLUE = frozenset({"・", "･", "=", "＝"})


def token_shapes(tokens: Iterable[tuple[int, int, str, str]]) -> Shapes:
    """A test of what ``text[start:end]`` is made of, from (start, end, tag, text) tokens."""
    starts: dict[int, int] = {}
    ends: dict[int, int] = {}
    kinds: list[str] = []  # N noun, G glue, F function word, X anything else
    bounds: list[tuple[int, int]] = []
    for k, (start, end, tag, surface) in enumerate(tokens):
        bounds.append((start, end))
        starts[start] = k
        ends[end] = k
        if tag.startswith("名詞"):
            kinds.append("N")
        elif tag.startswith("空白") and surface.strip():
            kinds.append("B")  # letters the focus step blanked for the model
        elif tag.startswith("空白") or surface in _NOUN_GLUE:
            kinds.append("G")
        else:
            kinds.append("F" if tag.startswith(_FUNCTION_TAGS) else "X")

    blanked = [(s, e) for (s, e), kind in zip(bounds, kinds, strict=True) if kind == "B"]

    def shape(start: int, end: int) -> str:
        if any(s < end and start < e for s, e in blanked):
            return BLANKED
        first, last = starts.get(start), ends.get(end)
        if first is None or last is None or last < first:
            return OTHER
        inner = kinds[first : last + 1]
        if "F" in inner:
            return WORDS
        return NOUNS if "X" not in inner and "N" in inner else OTHER

    return shape


#: the marginal a span of whole noun tokens needs to stand alone
NOUN_BAR = 0.85
#: the marginal a span needs to widen the other sources' spans it holds
WIDEN_BAR = 0.9
WIDEN_MAX_WORDS = 4
#: lower-case words inside Latin-script names (Joao da Silva, Ludwig van Beethoven)
_NAME_PARTICLES = frozenset({"da", "de", "do", "dos", "das", "del", "van", "von", "der", "bin"})
_WORD = re.compile(r"[^ \u3000]+")
#: what a widened span may not hold: a line break, punctuation, a bar, an honorific's kana
_WIDEN_STOP = re.compile(
    r"[\n\r\t、。，．,.：:；;｜|（）()「」【】\[\]]|さん|さま|様|ちゃん|くん|君|氏"
)


def _widens(text: str, start: int, end: int, inside: Collection[tuple[int, int]]) -> bool:
    """Whether the model's span only joins and extends the rules' pieces of one name.

    The rules often find a foreign name in pieces (``グエン ティ`` and ``ホア``)
    or stop at a given name they do not know (``上原 ライアン`` of
    ``上原 ライアン 蒼空``). The model's span may replace them when it holds every
    piece it touches, crosses no line, punctuation or honorific (``楠本 あずささん　平``
    is the model running on past the name), and adds only whole blank-separated
    words (``森川設備`` glues a word to the surname ``森川``): at most
    ``WIDEN_MAX_WORDS`` of them, the rules' pieces a third of its letters at least
    (``指定届 案内 済`` around a stray ``済``).
    """
    if any(s < start or e > end for s, e in inside):
        return False
    if _WIDEN_STOP.search(text, start, end) is not None:
        return False
    covered = [any(s <= k < e for s, e in inside) for k in range(start, end)]
    words = [m.span() for m in _WORD.finditer(text, start, end)]
    if len(words) > WIDEN_MAX_WORDS:
        return False
    letters = held = 0
    for ws, we in words:
        marks = covered[ws - start : we - start]
        if any(marks) and not all(marks):
            return False
        if not any(marks) and text[ws].islower() and text[ws:we] not in _NAME_PARTICLES:
            return False  # an English word run into the name (married to Kenji Ota)
        letters += we - ws
        held += sum(marks)
    return held * 3 >= letters
