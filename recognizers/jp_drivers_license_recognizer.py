"""Japanese driver's licence number (運転免許証番号).

What: the 12-digit number printed on a 運転免許証, which callers read out as
proof of identity.

Format: digits 1-2 are the code of the prefectural public safety commission
that first issued the licence (公安委員会コード, 10 北海道 … 97 沖縄); 3-4 the
last two digits of the year of first issue; 5-10 a management number; 11 a
check digit; 12 the number of reissues.

Check digit: the rule commonly published (digits 1-10 weighted 5,4,3,2,7,6,
5,4,3,2, sum mod 11, 11 minus the remainder, last digit) is not an official
specification — the National Police Agency publishes none — and it fails on
the licence numbers of our development notes. So it is *not* applied here:
the recognizer checks the format and the commission code only, and the
licence context (``運転免許証``, ``免許証番号``, ``免許``, the ``第…号`` frame)
decides. Without that context a 12-digit run is not reported: it is far more
often a My Number (checked by its own recognizer) or a customer number.

Reference: 警察庁「運転免許証及び運転免許証作成システム等仕様書」;
沖縄県警察「運転免許事務取扱要領」(番号の構成).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from presidio_analyzer import EntityRecognizer, Pattern, RecognizerResult

from recognizers.field_context import FieldContextRecognizer, stop_labels_except
from recognizers.normalize import NormalizedText

#: 公安委員会コード: 北海道 has five commissions (10-14), every other prefecture one.
COMMISSION_CODES: frozenset[str] = frozenset(
    f"{n:02d}"
    for n in (
        *range(10, 15),
        *range(20, 26),
        30,
        *range(40, 56),
        *range(60, 66),
        *range(70, 75),
        *range(80, 84),
        *range(90, 98),
    )
)

_NUMBER_FRAME = re.compile(r"第\s*$")
_FRAME_BONUS = 0.1


class JpDriversLicenseRecognizer(FieldContextRecognizer):
    """Finds 12-digit licence numbers with a valid commission code next to a licence label."""

    ENTITY: ClassVar[str] = "DRIVERS_LICENSE"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("licence_number", r"(?<![\dA-Za-z-])\d{12}(?![\dA-Za-z]|-\d)", 0.3),
        Pattern(
            "licence_number_grouped",
            r"(?<![\dA-Za-z-])\d{4}[- ]\d{4}[- ]\d{4}(?![\dA-Za-z]|-\d)",
            0.2,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["運転免許", "免許証", "免許", "運転経歴"]
    STOP_LABELS = stop_labels_except("免許")
    CONTEXT_WINDOW: ClassVar[int] = 48
    CONTEXT_BOOST: ClassVar[float] = 0.6

    def validate_result(self, pattern_text: str) -> bool | None:
        """Keep the pattern score for a known commission code; drop any other run."""
        digits = re.sub(r"\D", "", pattern_text)
        return None if digits[:2] in COMMISSION_CODES else False

    def postprocess(
        self, norm: NormalizedText, results: list[RecognizerResult]
    ) -> Iterable[RecognizerResult]:
        """A number framed ``第…号`` is a certificate's number: a small lift, never alone."""
        for r in results:
            before = norm.text[max(0, r.start - 3) : r.start]
            if _NUMBER_FRAME.search(before) and norm.text[r.end : r.end + 1] == "号":
                r.score = min(EntityRecognizer.MAX_SCORE, r.score + _FRAME_BONUS)
        return results
