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
import unicodedata
from collections.abc import Callable, Collection, Iterator
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


def _fold(ch: str) -> str:
    """One character as the model sees it: NFKC (half-width kana, full-width Latin), 0-9 as 0."""
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
    for i, found in enumerate(marks):
        if found:
            out[i].extend([f"lex={m}" for m in sorted(found)])
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
    """
    bar = CONFIDENT_BAR if confident_bar is None else confident_bar
    known = set(others)
    out: list[Candidate] = []
    for start, end, conf in learned_name_spans(text, is_surname, is_given, path):
        if conf < SUPPORT_BAR:
            continue
        alone = (start, end) not in known
        if alone and (conf < bar or any(s < end and start < e for s, e in known)):
            continue
        score = CONFIDENT_SCORE if conf >= bar else SUPPORT_SCORE
        out.append(Candidate(start, end, SOURCE, score))
    return out
