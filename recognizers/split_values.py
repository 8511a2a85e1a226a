"""A number typed over several chat messages, one group a message.

Chat windows and LINE send each line as its own message, and residents type
a number the way the card prints it: ``ユーザー> ３５５０`` / ``ユーザー> ７１７２``
/ ``ユーザー> ９９４２``. No single turn holds the whole value, so no pattern
sees it; the run of a speaker's consecutive digit-only turns does. A
recognizer joins such a run and validates the whole (check digit, numbering
plan); each piece is then reported where it stands.

Pure text and the dialogue layer; no model.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from recognizers.dialogue import dialogue_of
from recognizers.normalize import normalize

#: a turn that holds one digit group and nothing else (blanks and a hyphen allowed)
#: (a hyphen before or after it too: 090 / -5521- / 3398)
_DIGITS_ONLY = re.compile(r"[ \u3000-]*([0-9][0-9 \u3000-]{1,6}[0-9])[ \u3000。.-]*\s*")
#: a turn that ends in the first group after the value's label (家の電話は0263, 携帯 090):
#: it may open a run, the rest following in the next messages
_DIGITS_AFTER_LABEL = re.compile(
    r"(?:電話|携帯|TEL|Tel|tel|番号|連絡先|マイナンバー|個人番号)(?:番号)?(?:は|が|:|：)?[ \u3000]*"
    r"([0-9][0-9 \u3000-]{1,6}[0-9])[ \u3000-]*\s*"
)
#: at most this many turns in one run
MAX_PIECES = 4


def split_runs(text: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """Runs of a speaker's consecutive digit-only turns: (digits joined, piece spans)."""
    dialogue = dialogue_of(text)
    turns = list(dialogue.turns) if dialogue.is_transcript else _labelled_lines(text)
    if not turns:
        return []
    norm = normalize(text)
    runs: list[tuple[str, list[tuple[int, int]]]] = []
    current: list[tuple[int, int]] = []
    digits = ""
    speaker: str | None = None
    for turn in (*turns, None):
        piece = None
        if turn is not None:
            cs, ce = norm.to_canonical(turn.start, turn.end)
            m = _DIGITS_ONLY.fullmatch(norm.text, cs, ce)
            if m is None and not current:
                m = _opening_piece(norm.text, cs, ce)
            if m is not None:
                piece = (m.group(1), norm.to_original(m.start(1), m.end(1)))
        same_speaker = turn is not None and speaker in (None, turn.speaker)
        if piece is not None and turn is not None and same_speaker and len(current) < MAX_PIECES:
            current.append(piece[1])
            digits += re.sub(r"\D", "", piece[0])
            speaker = turn.speaker
            continue
        if len(current) >= 2:
            runs.append((digits, current))
        current, digits, speaker = [], "", None
        if piece is not None and turn is not None:
            current, digits, speaker = [piece[1]], re.sub(r"\D", "", piece[0]), turn.speaker
    return runs


def _opening_piece(text: str, start: int, end: int) -> re.Match[str] | None:
    """The label and first group that end a turn, if the turn ends so."""
    for m in _DIGITS_AFTER_LABEL.finditer(text, start, end):
        if m.end() == end:
            return m
    return None


class _Line(NamedTuple):
    start: int
    end: int
    speaker: str


#: a chat line: its sender's label (a display name, 職員) and a colon, then the message
_LABELLED_LINE = re.compile(
    r"^[ \u3000]*(?P<label>[^\n:：]{1,24}?)[ \u3000]*[:：][ \u3000]*(?P<body>.*)$", re.M
)


#: an SMS export's line: a bracketed stamp whose first word is the direction or the sender
#: ([受信 06/03 13:22] 47-3315)
_STAMPED_LINE = re.compile(
    r"^[ \u3000]*[\[［【](?P<label>[^\]］】\s]+)[^\]］】\n]*[\]］】][ \u3000]*(?P<body>.*)$", re.M
)


def _labelled_lines(text: str) -> list[_Line]:
    """A log that is no transcript by its speaker words (Kenta Ishii: / 職員:) read a line a
    message: each labelled line is a turn of its label, each other line breaks a run."""
    lines: list[_Line] = []
    for m in re.finditer(r"[^\n]*", text):
        if not m.group():
            continue
        labelled = _STAMPED_LINE.match(m.group()) or _LABELLED_LINE.match(m.group())
        speaker = labelled["label"] if labelled else ""
        start = m.start() + (labelled.start("body") if labelled else 0)
        lines.append(_Line(start, m.end(), speaker))
    return lines if any(line.speaker for line in lines) else []


def piece_result(
    recognizer: EntityRecognizer,
    entity: str,
    span: tuple[int, int],
    score: float,
    what: str,
    why: str,
) -> RecognizerResult:
    """A result a recognizer builds outside its patterns, its score final: one piece of a
    value typed over several messages, or an e-mail address said as words."""
    name = type(recognizer).__name__
    explanation = AnalysisExplanation(
        recognizer=name, original_score=score, pattern_name=what, textual_explanation=why
    )
    return RecognizerResult(
        entity,
        span[0],
        span[1],
        score,
        analysis_explanation=explanation,
        recognition_metadata={
            RecognizerResult.RECOGNIZER_NAME_KEY: name,
            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
            RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
        },
    )
