"""Japanese basic pension number (基礎年金番号).

What: the number that identifies a person in the public pension system, printed
on the 年金手帳 and the 基礎年金番号通知書.

Format: ten digits written as four (the issuing office code) and six (a serial
number): ``1234-567890``, also ``1234 567890`` or run together. There is no
published check digit, so a bare ten-digit run is nothing (a phone number, a
customer number): only a pension label in the same field (``基礎年金番号``,
``年金番号``, ``年金手帳``) makes it PII. The 4+6 grouping is the number's own
shape and scores a little higher than an ungrouped run; an ungrouped run
starting with ``0`` has a phone number's shape and is left to the phone
recognizer.

Reference: 日本年金機構「基礎年金番号」,
https://www.nenkin.go.jp/service/seidozenpan/kisonenkin.html
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from presidio_analyzer import Pattern, RecognizerResult

from recognizers.field_context import FieldContextRecognizer, stop_labels_except
from recognizers.normalize import NormalizedText

#: a digit typed as a digit (ASCII or full-width), not said in kana or kanji
_TYPED_DIGIT = re.compile(r"[0-9０-９]")


class JpPensionNumberRecognizer(FieldContextRecognizer):
    """Finds 基礎年金番号 values (4+6 digits) next to a pension label."""

    ENTITY: ClassVar[str] = "PENSION_NUMBER"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "pension_number_grouped",
            r"(?<![\dA-Za-z-])\d{4}[- ]\d{6}(?![\dA-Za-z]|-\d)",
            0.3,
        ),
        Pattern("pension_number_plain", r"(?<![\dA-Za-z-])(?!0)\d{10}(?![\dA-Za-z]|-\d)", 0.2),
        # with a leading 0 and run together it has a phone number's shape: it counts
        # only where a pension label or question names it
        Pattern("pension_number_plain_zero", r"(?<![\dA-Za-z-])0\d{9}(?![\dA-Za-z]|-\d)", 0.1),
        # read out with pauses (three or more: 5-2-0-7-318-694); a typed 123-4567890 is no
        # pension number, so two groups never match here; context decides
        Pattern(
            "pension_number_read_out",
            r"(?<![\dA-Za-z-])(?=(?:\d+-){3})\d(?:-?\d){9}(?![\dA-Za-z]|-\d)",
            0.2,
        ),
        # said in kana or kanji, the pauses fall anywhere (いちにさんよん、の、ごーろくななはち、
        # きゅうぜろ): any grouping counts, but only where nothing was typed as digits
        # (postprocess) and not from a 0, a phone number's start
        Pattern(
            "pension_number_spoken",
            r"(?<![\dA-Za-z-])(?=\d+-)(?!0)\d(?:-?\d){9}(?![\dA-Za-z]|-\d)",
            0.2,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "pension no",
        "Pension no",
        "pension number",
        "Pension number",
        "Basic pension",
        # in callers' own words: Chinese, Portuguese, Spanish, Vietnamese, Korean
        "养老金",
        "年金号码",
        "pensão",
        "pensao",
        "pensión",
        "lương hưu",
        "연금",
        "Pension No",
        "pension No",
        "PENSION NO",
        "基礎年金番号",
        "年金番号",
        "年金手帳",
        "年金",
        "ねんきん",
        "ネンキン",
    ]
    STOP_LABELS = stop_labels_except("年金")
    CONTEXT_WINDOW: ClassVar[int] = 32
    CONTEXT_BOOST: ClassVar[float] = 0.5

    def postprocess(
        self, norm: NormalizedText, results: list[RecognizerResult]
    ) -> Iterable[RecognizerResult]:
        """A number in any grouping counts only as speech: typed, 1234-5678-90 is none."""
        return [
            r
            for r in results
            if self.pattern_of(r) != "pension_number_spoken"
            or not _TYPED_DIGIT.search(norm.original, *norm.to_original(r.start, r.end))
        ]
