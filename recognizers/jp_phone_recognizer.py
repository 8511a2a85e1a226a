"""Recognizer for telephone and fax numbers in Japanese call notes.

What: any number of the Japanese numbering plan (総務省 電気通信番号計画):
fixed lines ``0`` + 1–4-digit area code + local number, 10 digits in all
(``03-xxxx-xxxx``, ``06(6315)2240``, ``(06)6725-3391``); mobiles and PHS
``060/070/080/090`` and IP phones ``050`` with 11 digits; toll-free ``0120``
(10) and ``0800`` (11); navi-dial ``0570``; the ``+81`` international forms
(``+81-80-…``, ``+81 6 …``) and foreign ``+CC`` numbers. The normalizer folds
full-width, kanji (``〇六‐六三九四‐五五二〇``) and spoken kana digits
(``ゼロキューゼロのいちにさん…``) into ASCII, so the patterns see one form.

Validation: the patterns only find phone-shaped candidates; Google's
libphonenumber (``phonenumbers``) decides, with the region ``JP`` for national
forms. Its metadata knows every area-code length and number range, which a
hand table would not keep up to date. ``is_possible_number`` is far too lax
(a date ``2024-05-01`` is "possible"), so only ``is_valid_number`` counts.

Span: only the number. An extension (``内線214``) stays outside because the
patterns stop at the last digit group; the lookarounds refuse a window inside
a longer digit run, so a 4-4-4 My Number or a 13-digit number never yields a
phone number.

Score: a grouped or international number that libphonenumber accepts is a
phone number on its face; an ungrouped 10-digit run could be a customer or
insurance number, so it needs a context word (``電話``, ``TEL``, ``携帯``…).
When the nearest identifier word before a candidate names another identifier
(``被保険者番号``, ``口座``, ``受付番号``), the candidate is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import ClassVar

import phonenumbers
from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import NormalizedPatternRecognizer
from recognizers.context_words import OTHER, nearest_kind, word_kinds
from recognizers.normalize import NormalizedText, normalize
from recognizers.split_values import piece_result, split_runs

# Separators between digit groups: a hyphen, a space or parentheses ("06(6315)2240"), or a dot.
_SEP = r"(?:[ ()-]{1,3}|\.)"
_BEFORE = r"(?<![\d+\-]|\d\.)"
_AFTER = r"(?!\d|[-.]\d)"
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30fa]")
#: a Japanese national number's shape, grouped: 0, then 9 or 10 digits in 2–4 groups
_MISTYPED_NATIONAL = re.compile(r"0[1-9]\d{0,3}-\d{1,4}-\d{3,4}")


@lru_cache(maxsize=1024)
def _valid_phone(candidate: str, region: str) -> bool:
    """libphonenumber's verdict, kept: ``validate_result`` and ``postprocess`` both ask."""
    try:
        number = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return False
    return bool(phonenumbers.is_valid_number(number))


def _is_mistyped_national(candidate: str) -> bool:
    """A grouped national number of ten or eleven digits that the plan refuses."""
    digits = candidate.replace("-", "")
    return bool(_MISTYPED_NATIONAL.fullmatch(candidate)) and len(digits) in (10, 11)


class JpPhoneRecognizer(NormalizedPatternRecognizer):
    """Finds Japanese and international phone numbers that libphonenumber accepts."""

    ENTITY: ClassVar[str] = "PHONE_NUMBER"
    PATTERNS: ClassVar[Sequence[Pattern]] = (
        Pattern(
            "Phone (national, grouped)",
            # a leading "(" only around the area code: "(06)6725-3391", not "（0120-…）"
            _BEFORE
            + r"(?:\(0\d{1,4}\)[ -]?|0\d{1,4}"
            + _SEP
            + r")\d{1,4}"
            + _SEP
            + r"\d{3,4}"
            + _AFTER,
            0.7,
        ),
        Pattern(
            "Phone (international)",
            r"(?<![\d\-])\+\d{1,3}(?:[ ()-]{0,3}\d{1,5}){1,5}" + _AFTER,
            0.7,
        ),
        # 11 digits: mobile, IP phone, 0800 — no customer number starts like that
        Pattern("Phone (national, 11 digits)", _BEFORE + r"0\d{10}" + _AFTER, 0.6),
        Pattern("Phone (national, 10 digits)", _BEFORE + r"0\d{9}" + _AFTER, 0.3),
        # read out with pauses where the speaker drew breath ("ゼロキュー えーと ゼロの…"
        # → 09-0-1234-5678), or a blank slipped into a group by OCR or a hurried typist
        # (028-6 23-0941): any grouping, so only a phone word nearby makes it count
        Pattern("Phone (read out, any grouping)", _BEFORE + r"0\d(?:[ -]?\d){8,9}" + _AFTER, 0.45),
    )
    CONTEXT: ClassVar[Sequence[str]] = (
        "電話",
        "TEL",
        "Tel",
        "tel",
        "FAX",
        "Fax",
        "fax",
        "ファックス",
        "ファクス",
        "携帯",
        "連絡先",
        "折り返し",
        "折返し",
        "フリーダイヤル",
        "ダイヤル",
        "コールセンター",
    )
    #: other identifiers' label words: a number named by one of them is not a phone
    NEGATIVE_CONTEXT: ClassVar[Sequence[str]] = (
        "受付番号",
        "被保険者",
        "被保番",
        "保険証",
        "口座",
        "記号",
        "年金",
        "免許",
        "会員",
        "お客様番号",
        "顧客",
        "管理番号",
        "整理番号",
        "注文",
        "法人",
        "個人番号",
        "マイナンバー",
        "旅券",
        "在留",
        "郵便",
        "〒",
    )
    CONTEXT_WINDOW: ClassVar[int] = 12
    CONTEXT_SAME_LINE: ClassVar[bool] = True
    CONTEXT_BOOST: ClassVar[float] = 0.35
    DEFAULT_REGION: ClassVar[str] = "JP"
    #: a valid number dictated in kana digits is a phone number even without a phone word
    READ_OUT_SCORE: ClassVar[float] = 0.6
    #: before the context boost: a number the plan refuses, with a phone word or question
    MISTYPED_SCORE: ClassVar[float] = 0.2
    #: a valid number typed over a speaker's consecutive messages, phone asked or named
    SPLIT_SCORE: ClassVar[float] = 0.8

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        """The base class's results, and a number typed over several chat messages."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if entities and self.ENTITY not in entities:
            return results
        norm = normalize(text)
        for digits, pieces in split_runs(text):
            if not (digits.startswith("0") and self.is_valid_phone(digits)):
                continue
            first = norm.to_canonical(*pieces[0])[0]
            asked = self.asked_in_dialogue(norm, first)
            if not asked and not any(w in norm.text for w in self.context):
                continue
            results += [self._split_result(s, e) for s, e in pieces]
        return results

    def _split_result(self, start: int, end: int) -> RecognizerResult:
        return piece_result(
            self,
            self.ENTITY,
            (start, end),
            self.SPLIT_SCORE,
            "phone number (typed over several messages)",
            "a valid number over consecutive messages, phone topic",
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        # None keeps the pattern's score: validity is necessary, context decides the rest.
        # A national number of the right length that the plan refuses (a digit missed or
        # mistyped: 070-394-1288) is kept for ``postprocess``: a phone word must vouch.
        if self.is_valid_phone(pattern_text) or _is_mistyped_national(pattern_text):
            return None
        return False

    def is_valid_phone(self, candidate: str) -> bool:
        """True when libphonenumber takes ``candidate`` for a valid number (JP by default)."""
        return _valid_phone(candidate, self.DEFAULT_REGION)

    def postprocess(
        self, norm: NormalizedText, results: list[RecognizerResult]
    ) -> Iterable[RecognizerResult]:
        kinds = word_kinds(self.context, self.NEGATIVE_CONTEXT)
        for r in results:
            kind = nearest_kind(self.context_before(norm, r.start), kinds)
            if kind == OTHER:
                continue
            if not self.is_valid_phone(norm.text[r.start : r.end]):
                # mistyped or misheard: a phone number only where one was asked or named
                if kind is None and not self.asked_in_dialogue(norm, r.start):
                    continue
                r.score = self.MISTYPED_SCORE
                yield r
                continue
            start, end = norm.to_original(r.start, r.end)
            if _KANA.search(norm.original, start, end):
                # digits read out in kana that make a valid number starting with 0 or +:
                # a caller dictating a phone number, whatever the pauses
                r.score = max(r.score, self.READ_OUT_SCORE)
            yield r
