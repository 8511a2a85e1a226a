"""Japanese residence card number (在留カード番号).

What: the number of the card the Immigration Services Agency issues to
mid- to long-term foreign residents.

Format: two Latin letters, eight digits, two Latin letters (capitals on the
card; matched case-insensitively, as operators type)
(``AB12345678CD``), often typed full-width (``ＡＢ１２３４５６７８ＣＤ``; the
normalizer folds it). No check digit is published. The shape is rare outside
this card, so a bare match is reported at the threshold; the label
``在留カード`` (or ``在留番号``) lifts it to near certainty.

Reference: 出入国在留管理庁「在留カード等番号失効情報照会」,
https://lapse-immi.moj.go.jp/
"""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern

from recognizers.field_context import FieldContextRecognizer, stop_labels_except

#: the digits between a card number's two pairs of letters
CARD_DIGITS = 8


class JpResidenceCardRecognizer(FieldContextRecognizer):
    """Finds 在留カード numbers: two letters, eight digits, two letters."""

    ENTITY: ClassVar[str] = "RESIDENCE_CARD"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "residence_card",
            # read out or typed in groups (AB 1234 5678 CD) as often as in one run
            r"(?<![A-Za-z0-9@._-])[A-Z]{2} ?\d{4} ?\d{4} ?[A-Z]{2}(?![A-Za-z0-9@_-]|\.[A-Za-z0-9])",
            0.5,
        ),
        Pattern(
            "residence_card_read_out",
            # letter by letter, the digits in groups (C F 29036184 H K, R T, 7703-1958, G E:
            # what the reader makes of hai chín không…, pito pito sero…): only next to the
            # card's label, so the score clears the threshold only with the context boost
            r"(?<![A-Za-z0-9@._-])[A-Z](?:[ ,、-]{1,2}[A-Z]|[A-Z])[ ,、]{1,3}"
            r"\d{2,4}(?:[ ,、-]{0,3}\d{2,4}){1,3}"
            r"[ ,、]{1,3}[A-Z](?:[ ,、-]{1,2}[A-Z]|[A-Z])(?![A-Za-z0-9])",
            0.3,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "在留カード", "在留番号", "在留", "residence card", "Residence card", "Residence Card",
    ]  # fmt: skip
    STOP_LABELS = stop_labels_except("在留カード")
    CONTEXT_WINDOW: ClassVar[int] = 32
    CONTEXT_BOOST: ClassVar[float] = 0.5

    def validate_result(self, pattern_text: str) -> bool | None:
        """Eight digits between the letters, however they were grouped when read out."""
        digits = sum(c.isdigit() for c in pattern_text)
        return None if digits == CARD_DIGITS else False
