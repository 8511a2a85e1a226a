"""Japanese passport number (旅券番号).

What: the number printed on a Japanese passport.

Format: two Latin letters (capitals on the passport; Presidio matches
case-insensitively, as operators type) and seven digits (``MZ1048362``; full-width forms
are folded by the normalizer). No check digit is printed on the data page
(the MRZ's check digits are not part of what callers read out). Two letters
and seven digits is also the shape of many order and product codes, so a bare
match scores low; the labels ``旅券`` or ``パスポート`` decide. The match never
starts or ends inside a longer alphanumeric run, an e-mail address or a
residence card number (two letters, eight digits, two letters).

Reference: 外務省「パスポート（旅券）」,
https://www.mofa.go.jp/mofaj/toko/passport/
"""

from __future__ import annotations

from typing import ClassVar

from presidio_analyzer import Pattern

from recognizers.field_context import FieldContextRecognizer, stop_labels_except


class JpPassportRecognizer(FieldContextRecognizer):
    """Finds passport numbers (two letters, seven digits) next to a passport label."""

    ENTITY: ClassVar[str] = "PASSPORT"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern(
            "passport_number",
            r"(?<![A-Za-z0-9@._-])[A-Z]{2}\d{7}(?![A-Za-z0-9@_-]|\.[A-Za-z0-9])",
            0.3,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["旅券", "パスポート", "passport", "Passport", "PASSPORT"]
    STOP_LABELS = stop_labels_except("旅券", "パスポート")
    CONTEXT_WINDOW: ClassVar[int] = 32
    CONTEXT_BOOST: ClassVar[float] = 0.5
