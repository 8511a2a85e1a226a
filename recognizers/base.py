"""The shared shape of our pattern recognizers: match canonical text, answer on the original.

Every Japanese identifier comes in many digit forms (see ``normalize``). A
``NormalizedPatternRecognizer`` is a plain Presidio ``PatternRecognizer``
whose patterns are written once against the canonical form; ``analyze``
normalizes the note, lets Presidio match, validate and explain on it, and
maps every result back to code points of the note it was given.

Context: Presidio's own context enhancer compares whole spaCy tokens, and a
Japanese field label such as ``個人番号`` is split by Sudachi into ``個人`` +
``番号``, so it rarely fires. We look for the recognizer's context words in a
window of characters just before the match instead, raise the score by
``CONTEXT_BOOST`` and mark the result as enhanced so Presidio does not add a
second boost.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import ClassVar

from presidio_analyzer import (
    AnalysisExplanation,
    EntityRecognizer,
    Pattern,
    PatternRecognizer,
    RecognizerResult,
)
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.context_words import line_before
from recognizers.dialogue import dialogue_of
from recognizers.export_keys import key_before
from recognizers.normalize import NormalizedText, normalize
from recognizers.table_columns import column_of


class NormalizedPatternRecognizer(PatternRecognizer):
    """A PatternRecognizer whose patterns see the canonical text of the note."""

    PATTERNS: ClassVar[Sequence[Pattern]] = ()
    CONTEXT: ClassVar[Sequence[str]] = ()
    ENTITY: ClassVar[str] = ""
    #: characters before a match searched for a context word
    CONTEXT_WINDOW: ClassVar[int] = 16
    CONTEXT_BOOST: ClassVar[float] = 0.35
    #: context words count only on the hit's own line (form fields)
    CONTEXT_SAME_LINE: ClassVar[bool] = False
    #: results below this after context are dropped (0 keeps every hit)
    MIN_SCORE_WITHOUT_CONTEXT: ClassVar[float] = 0.0
    #: a transcript turn that asked for this label counts as a context word
    DIALOGUE_CONTEXT: ClassVar[bool] = True
    #: Presidio's default; a recognizer whose patterns depend on case drops IGNORECASE
    REGEX_FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE | re.IGNORECASE

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "ja",
        supported_entity: str | None = None,
        name: str | None = None,
    ) -> None:
        super().__init__(
            supported_entity=supported_entity or self.ENTITY,
            patterns=patterns if patterns is not None else list(self.PATTERNS),
            context=context if context is not None else list(self.CONTEXT),
            supported_language=supported_language,
            name=name or type(self).__name__,
            global_regex_flags=self.REGEX_FLAGS,
        )

    # Presidio calls analyze(text, entities, nlp_artifacts); we keep that signature.
    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        norm = normalize(text)
        results: list[RecognizerResult] = super().analyze(
            norm.text, entities, nlp_artifacts=None, regex_flags=regex_flags
        )
        out: list[RecognizerResult] = []
        for r in self.postprocess(norm, results):
            self._apply_context(norm, r)
            if r.score < self.MIN_SCORE_WITHOUT_CONTEXT or r.score <= EntityRecognizer.MIN_SCORE:
                continue
            start, end = norm.to_original(r.start, r.end)
            r.start, r.end = start, end
            out.append(r)
        return out

    def postprocess(
        self, norm: NormalizedText, results: list[RecognizerResult]
    ) -> Iterable[RecognizerResult]:
        """Hook for recognizers that must look at the canonical neighbourhood of a hit."""
        return results

    @staticmethod
    def pattern_of(result: RecognizerResult) -> str | None:
        """The name of the pattern that found ``result`` (None for other results)."""
        explanation = result.analysis_explanation
        return None if explanation is None else explanation.pattern_name

    def context_before(self, norm: NormalizedText, start: int) -> str:
        """The window searched for context words: cut at the line start when the
        recognizer reads form fields (``CONTEXT_SAME_LINE``), since a field is one line."""
        if self.CONTEXT_SAME_LINE:
            return line_before(norm.text, start, self.CONTEXT_WINDOW)
        return norm.text[max(0, start - self.CONTEXT_WINDOW) : start]

    def foreign_label_before(self, norm: NormalizedText, start: int) -> bool:
        """Whether another identifier's label names the value at ``start`` (hook)."""
        return False

    def asked_in_dialogue(self, norm: NormalizedText, start: int) -> bool:
        """Whether the value at canonical ``start`` answers a turn that asked for this label.

        In a transcript the question (``お電話番号は``) is often a line or
        two before the answer, beyond any same-line window; see
        ``recognizers.dialogue``. A label of another identifier right before
        the value still wins.
        """
        if start >= len(norm.starts) or self.foreign_label_before(norm, start):
            return False
        return self.supported_entities[0] in dialogue_of(norm.original).expected_at(
            norm.starts[start]
        )

    def _apply_context(self, norm: NormalizedText, result: RecognizerResult) -> None:
        window = self.context_before(norm, result.start)
        # a value in an exported row: its label is its column's header, and the row's
        # other cells (記号13140-番号…, ﾀﾆｸﾞﾁ ﾐﾁｺ, 202501) say nothing of it
        column = column_of(norm.text, result.start)
        if column is not None:
            window = window[max(0, len(window) - (result.start - column.cell_start)) :]
        word = next((w for w in self.context if w in window), None)
        if word is None and column is not None:
            word = next((w for w in self.context if w in column.header), None)
        if word is None and key_before(window, self.supported_entities[0]):
            word = "(an export's key)"  # "kojin_bango":"…", pension_no=…
        if word is None:
            if not (self.DIALOGUE_CONTEXT and self.asked_in_dialogue(norm, result.start)):
                return
            word = "(asked in the previous turn)"
        result.score = min(EntityRecognizer.MAX_SCORE, result.score + self.CONTEXT_BOOST)
        result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
        explanation: AnalysisExplanation | None = result.analysis_explanation
        if explanation is not None:
            explanation.set_supportive_context_word(word)
            explanation.set_improved_score(result.score)
