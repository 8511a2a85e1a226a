"""Context for a value written after its field label: same line, nearest label wins.

Call notes put many numbers side by side (``基礎年金番号は3407-215586、個人番号は
4791…``) and forms put one field a line (``被保険者番号：…\\n電話：…``). A plain
"context word somewhere in the last N characters" lets the label of one field
vouch for the value of the next. ``FieldContextRecognizer`` narrows the window
the base class searches:

* it never reaches back past a line break (a form's previous field);
* it starts after the last *foreign* field label (``STOP_LABELS``: another
  identifier's label, such as ``個人番号`` or ``電話``), so the label nearest to
  the value decides which identifier it is.

Transcripts have no line breaks but put fillers between label and value
(``保険証の番号はわかりますか ええと 0781463``), hence a window of a few dozen
characters rather than a fixed label-value adjacency.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import NormalizedPatternRecognizer
from recognizers.context_words import line_before
from recognizers.dialogue import HEALTH_WORD
from recognizers.normalize import NormalizedText

#: Labels of the identifiers the project knows, in canonical (NFKC) form.
#: A recognizer stops its context window at any of them that is not its own.
FIELD_LABELS: tuple[str, ...] = (
    "個人番号",
    "マイナンバー",
    "電話",
    "携帯",
    "FAX",
    "連絡先",
    "受付",
    "納付番号",
    "お客様番号",
    "お客さま番号",
    "契約番号",
    "管理番号",
    "整理番号",
    "申請番号",
    "郵便番号",
    "〒",
    "住所",
    "口座",
    "年金",
    "被保険者",
    "被保番",
    "保険証",
    "国保",
    "免許",
    "旅券",
    "パスポート",
    "在留カード",
)


#: between a label and its value: particles, colons, blanks, a speaker's pause and the
#: quotes forms put around a value (記号「14」番号「30277」, 記号が、18210)
LABEL_GAP = r"[はのがを:：、,\s「『\"]{0,4}"
#: between one value and the next label of a pair (記号 … 番号)
PAIR_GAP = r"[\s、,・」』\"/／]*"
#: the word for a card's or a passbook's 記号, as written, read in kana, or romanised
#: (an interpreter's transcript keeps the caller's ``kigo 17480``)
SYMBOL_WORD = r"(?:記号|きごう|キゴウ|kig[oō]u?)"
#: the word for the 番号 of such a pair, in the same forms
NUMBER_WORD = r"(?:番号|ばんごう|バンゴウ|bang[oō]u?)"
#: a run of digits read out with pauses (``23-4-6-8``: the normalizer writes a pause
#: between spoken digit groups as ``-``); the pauses carry no grouping
PAUSED_DIGITS = r"\d(?:-?\d)"
#: the words that make a 記号・番号 pair an insurance card's rather than a ゆうちょ account's
HEALTH_LABEL = HEALTH_WORD


def field_window(text: str, start: int, size: int, stop_labels: Sequence[str]) -> str:
    """The text before ``start`` that may hold the label of the value at ``start``.

    At most ``size`` characters, none before the last line break, none before
    the end of the last label in ``stop_labels``.
    """
    window = line_before(text, start, size)
    cut = 0
    for label in stop_labels:
        at = window.rfind(label, cut)
        if at >= 0:
            cut = max(cut, at + len(label))
    return window[cut:]


class FieldContextRecognizer(NormalizedPatternRecognizer):
    """A normalizing pattern recognizer whose context is its own field label only.

    Its context decision is final: results are marked as already enhanced, so
    Presidio's token-level enhancer does not lift a value whose nearest label
    belongs to another identifier.
    """

    #: labels of other identifiers; the window starts after the last one
    STOP_LABELS: ClassVar[Sequence[str]] = ()

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for r in results:
            r.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
        return results

    def context_before(self, norm: NormalizedText, start: int) -> str:
        return field_window(norm.text, start, self.CONTEXT_WINDOW, self.STOP_LABELS)

    def foreign_label_before(self, norm: NormalizedText, start: int) -> bool:
        window = line_before(norm.text, start, self.CONTEXT_WINDOW)
        return any(label in window for label in self.STOP_LABELS)


def stop_labels_except(*own: str) -> tuple[str, ...]:
    """``FIELD_LABELS`` without those that overlap one of a recognizer's own words."""
    return tuple(
        label for label in FIELD_LABELS if not any(label in word or word in label for word in own)
    )
