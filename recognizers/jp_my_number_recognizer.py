"""Recognizer for the Japanese individual number (個人番号, "My Number").

What: the 12-digit number every resident is given under the 番号法
(行政手続における特定の個人を識別するための番号の利用等に関する法律, Act No. 27
of 2013). Format: eleven digits and a check digit, written ungrouped
(``123456789018``) or as 4-4-4 groups separated by spaces or hyphens, in any
digit form the normalizer folds (full-width, kanji, spoken kana).

Check digit: 番号法施行令 (Cabinet Order No. 155 of 2014) art. 8 and
総務省令第85号 art. 5 — with the first eleven digits numbered from the right
``P1``…``P11`` and weights ``Qn = n + 1`` (n ≤ 6) or ``n − 5`` (n ≥ 7),
``r = Σ Pn·Qn mod 11`` and the check digit is ``0`` when ``r ≤ 1``, else
``11 − r``. An invalid check digit is never a My Number.

Why context decides the score: a random 12-digit run passes the check one time
in eleven, and notes are full of other 12-digit numbers (運転免許証番号,
customer numbers). So a valid number alone stays below the reporting
threshold; the nearest identifier word before it decides:

* a My Number word (``個人番号``, ``マイナンバー``, ``通知カード`` …) → reported
  with a high score (the base class adds ``CONTEXT_BOOST``);
* another identifier's word (``免許``, ``被保険者``, ``口座``, ``受付`` …) →
  dropped: that number belongs to someone else's recognizer;
* only a generic word nearby (``番号``, ``読み上げ``, ``控え``) in a note that
  talks about the My Number elsewhere → a smaller boost, just over the
  threshold (callers read the number out a sentence after being asked).

A window inside a longer digit run (a 13-digit 法人番号, ``1234 5678 9012 3``)
is never a My Number: the patterns' lookarounds refuse a neighbouring digit
or a neighbouring separator followed by a digit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import ClassVar

from presidio_analyzer import Pattern, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.base import NormalizedPatternRecognizer
from recognizers.context_words import OTHER, line_before, nearest_kind, word_kinds
from recognizers.normalize import NormalizedText, normalize
from recognizers.split_values import piece_result, split_runs


def my_number_check_digit(first11: str) -> int:
    """The check digit of the first eleven digits (番号法施行令 art. 8)."""
    digits = [int(c) for c in reversed(first11)]
    total = sum(p * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(digits, 1))
    r = total % 11
    return 0 if r <= 1 else 11 - r


def is_valid_my_number(value: str) -> bool:
    """True when ``value`` holds exactly twelve ASCII digits (separators ignored) that check."""
    digits = "".join(c for c in value if c.isascii() and c.isdigit())
    return len(digits) == 12 and my_number_check_digit(digits[:11]) == int(digits[11])


GROUPED_NAME = "My Number (grouped)"


class JpMyNumberRecognizer(NormalizedPatternRecognizer):
    """Finds 12-digit 個人番号 whose check digit holds, scored by the nearest context word."""

    ENTITY: ClassVar[str] = "MY_NUMBER"
    PATTERNS: ClassVar[Sequence[Pattern]] = (
        # 4-4-4 with one separator kind; no digit, and no same separator + digit, around it
        Pattern(
            GROUPED_NAME,
            r"(?<!\d|\d[ .-])\d{4}(?P<sep>[ .-])\d{4}(?P=sep)\d{4}(?!\d|[ .-]\d)",
            0.4,
        ),
        Pattern("My Number (ungrouped)", r"(?<!\d|\d[ .-])\d{12}(?!\d|[ .-]\d)", 0.4),
        # read out in pauses wherever the speaker breathes (631-733-8-42-555); the
        # check digit and a context word still decide
        Pattern(
            "My Number (read out)", r"(?<![\d-])(?=(?:\d+-){3})\d(?:-?\d){11}(?![\d]|-\d)", 0.3
        ),
    )
    CONTEXT: ClassVar[Sequence[str]] = (
        "個人番号",
        "マイナンバー",
        "番号法",
        "通知カード",
        "個人番号カード",
        "マイナ",
        "個番",  # a memo's short form
        "こじんばんごう",  # written in kana by speech-to-text
        "まいなんばー",
        # in English notes and interpreters' words
        "My Number",
        "my number",
        "MyNumber",
        "My number",
        "Individual Number",
        "individual number",
        "个人编号",  # in a Chinese caller's words (simplified, traditional)
        "個人編號",
        "个人番号",
    )
    #: identifier words of other labels: the number nearest after one of them is not ours
    NEGATIVE_CONTEXT: ClassVar[Sequence[str]] = (
        "免許",
        "被保険者",
        "被保番",
        "保険証",
        "年金",
        "口座",
        "記号",
        "受付",
        "法人",
        "お客様番号",
        "顧客",
        "会員",
        "旅券",
        "パスポート",
        "在留",
        "注文",
        "管理番号",
        "整理番号",
        "証券",
        "契約",
        "郵便",
        "電話",
        "携帯",
        "TEL",
        "FAX",
        "内線",
        "暗証",
        "カード番号",
    )
    #: another identifier named just after the number ("501773156470（免許証）")
    NEGATIVE_AFTER: ClassVar[Sequence[str]] = (
        "免許",
        "被保険者",
        "年金",
        "口座",
        "受付",
        "法人",
        "旅券",
        "在留",
    )
    #: generic words about reading a number out: count only in a note about the My Number
    WEAK_CONTEXT: ClassVar[Sequence[str]] = ("番号", "読み上げ", "控え", "言っ", "申告")
    CONTEXT_WINDOW: ClassVar[int] = 40
    CONTEXT_SAME_LINE: ClassVar[bool] = True
    CONTEXT_BOOST: ClassVar[float] = 0.55
    WEAK_WINDOW: ClassVar[int] = 16
    WEAK_BOOST: ClassVar[float] = 0.2
    #: one group a message, the whole checking, in a note about the My Number
    SPLIT_SCORE: ClassVar[float] = 0.85
    #: the 4-4-4 grouping, the card's own, in a note that speaks of the My Number
    GROUPED: ClassVar[str] = GROUPED_NAME
    TOPIC_BOOST: ClassVar[float] = 0.15

    def validate_result(self, pattern_text: str) -> bool | None:
        # None keeps the low pattern score: a valid check digit alone is not enough
        return None if is_valid_my_number(pattern_text) else False

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if entities and self.ENTITY not in entities:
            return results
        runs = [pieces for digits, pieces in split_runs(text) if is_valid_my_number(digits)]
        if runs and any(w in normalize(text).text for w in self.context):
            results += [self._split_result(s, e) for pieces in runs for s, e in pieces]
        return results

    def _split_result(self, start: int, end: int) -> RecognizerResult:
        return piece_result(
            self,
            self.ENTITY,
            (start, end),
            self.SPLIT_SCORE,
            "My Number (typed over several messages)",
            "check digit valid over consecutive messages, My Number topic",
        )

    def postprocess(
        self, norm: NormalizedText, results: list[RecognizerResult]
    ) -> Iterable[RecognizerResult]:
        topic = any(w in norm.text for w in self.context)
        kinds = word_kinds(self.context, self.NEGATIVE_CONTEXT)
        for r in results:
            kind = nearest_kind(self.context_before(norm, r.start), kinds)
            if kind == OTHER:
                continue
            if kind is None:
                near = line_before(norm.text, r.start, self.WEAK_WINDOW)
                after = norm.text[r.end : r.end + 12].split("\n", 1)[0]
                if any(w in after for w in self.NEGATIVE_AFTER):
                    continue
                if topic and any(w in near for w in self.WEAK_CONTEXT):
                    r.score = min(1.0, r.score + self.WEAK_BOOST)
                elif topic and self.pattern_of(r) == self.GROUPED:
                    # a 4-4-4 number that checks, in a note about the My Number, with no
                    # other identifier named before or after it: the caller's My Number
                    r.score = min(1.0, r.score + self.TOPIC_BOOST)
            yield r
