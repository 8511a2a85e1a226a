"""Recognizer for Japanese postal codes (郵便番号).

What: the seven-digit code of Japan Post (日本郵便, 郵便番号簿), written
``NNN-NNNN`` and usually after the postal mark ``〒`` (``〒532-0011``,
``〒５４４－００３４``), sometimes ungrouped (``5370024``). There is no check
digit; the shape alone decides, so the surroundings carry the score:

* with ``〒`` the code is certain; the mark is part of the span (LABELS.md);
* ``NNN-NNNN`` alone is a moderate guess, lifted over the threshold by a
  context word (``郵便番号``, ``〒``, ``郵便``);
* seven bare digits are reported only after such a word: alone they are an
  amount, an account or a customer number as often as a postal code.

A window inside a phone number (``06-6305-1187`` holds ``6305-1187``) or any
longer digit run never matches: the lookarounds refuse a digit, or a hyphen
next to a digit, on either side. A number whose nearest label word names
another identifier (``口座番号``, ``受付番号``, ``電話``) is dropped.

A postal code written with its address belongs to the ``ADDRESS`` span; this
recognizer still reports it (a safety net should the address be missed) but
with a score just over the threshold, so the analyzer's conflict resolution
keeps the higher-scored ``ADDRESS``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import ClassVar

from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import NormalizedPatternRecognizer
from recognizers.context_words import OTHER, OURS, nearest_kind, word_kinds
from recognizers.normalize import NormalizedText

_BEFORE = r"(?<![\d\-]|\d[ -])"
_AFTER = r"(?!\d|-\d|[,.]\d|円|万)"
# an address right after the code: a place name ending in 都道府県市区町村郡 within a few kanji
_ADDRESS_FOLLOWS = re.compile(r"[ 　]?[\u4e00-\u9fff]{1,6}[都道府県市区町村郡]")


class JpPostalCodeRecognizer(NormalizedPatternRecognizer):
    """Finds 7-digit Japanese postal codes, with or without the 〒 mark."""

    ENTITY: ClassVar[str] = "POSTAL_CODE"
    PATTERNS: ClassVar[Sequence[Pattern]] = (
        Pattern("Postal code (with 〒)", r"〒 ?" + r"\d{3}-?\d{4}" + _AFTER, 0.9),
        Pattern("Postal code (NNN-NNNN)", _BEFORE + r"(?<!〒 ?)\d{3}-\d{4}" + _AFTER, 0.4),
        Pattern("Postal code (7 digits)", _BEFORE + r"(?<!〒 ?)\d{7}" + _AFTER, 0.3),
    )
    CONTEXT: ClassVar[Sequence[str]] = ("郵便番号", "郵便", "〒", "ゆうびん", "住所")
    NEGATIVE_CONTEXT: ClassVar[Sequence[str]] = (
        "電話",
        "TEL",
        "FAX",
        "携帯",
        "口座",
        "受付",
        "番号",
        "記号",
        "被保険者",
        "年金",
        "免許",
        "会員",
        "旅券",
        "在留",
        "内線",
        "￥",
        "¥",
    )
    CONTEXT_WINDOW: ClassVar[int] = 16
    CONTEXT_SAME_LINE: ClassVar[bool] = True
    #: score of a code written in front of its address: reported as a safety net,
    #: but below the ADDRESS recognizer's span that the analyzer should keep
    WITH_ADDRESS_SCORE: ClassVar[float] = 0.55
    CONTEXT_BOOST: ClassVar[float] = 0.35

    def postprocess(
        self, norm: NormalizedText, results: list[RecognizerResult]
    ) -> Iterable[RecognizerResult]:
        kinds = word_kinds(self.context, self.NEGATIVE_CONTEXT)
        for r in results:
            value = norm.text[r.start : r.end]
            kind = nearest_kind(self.context_before(norm, r.start), kinds)
            if kind == OTHER and not value.startswith("〒"):
                continue
            if value.isdigit() and kind != OURS:
                continue  # seven bare digits: only after 郵便番号 or 〒
            yield r

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """Results of the base class, capped when an address follows (after context boosts)."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        for r in results:
            if _ADDRESS_FOLLOWS.match(text, r.end):
                r.score = min(r.score, self.WITH_ADDRESS_SCORE)
        return results
