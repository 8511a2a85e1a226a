"""Japanese health-insurance numbers: 被保険者番号 and the card's 記号・番号.

What: the number that identifies an insured person on a health-insurance card
(保険証, 資格確認書): 国民健康保険, 後期高齢者医療 and 介護保険 issue an
insured-person number (被保険者番号); employee insurance cards carry a 記号
(symbol) and a 番号 (number) written apart.

Format: 後期高齢者医療 uses 8 digits, 介護保険 10 digits, 国民健康保険 varies by
municipality (often with leading zeros, sometimes as 記号-番号 ``03-1187254``).
The card's 記号 is up to eight alphanumerics and its 番号 up to ten digits:
``記号17 番号0962531`` gives two spans. None of these has a check digit, and
six to ten digits alone are anything (an amount, a phone, a case number), so
a value counts only after a health-insurance label in the same field:
``被保険者``, ``保険証``, ``国保``, ``後期高齢``, ``介護保険``, ``被保番(号)``.
The insurer's own number (``保険者番号`` without 被) identifies an
organisation, not a person, and is not reported.

Reference: 厚生労働省「被保険者証の記号・番号等の告知要求制限について」,
https://www.mhlw.go.jp/stf/newpage_13550.html
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import ClassVar

from presidio_analyzer import Pattern, RecognizerResult

from recognizers.context_words import line_before
from recognizers.export_keys import key_before
from recognizers.field_context import (
    HEALTH_LABEL,
    LABEL_GAP,
    NUMBER_WORD,
    PAIR_GAP,
    PAUSED_DIGITS,
    SYMBOL_WORD,
    FieldContextRecognizer,
    stop_labels_except,
)
from recognizers.normalize import NormalizedText
from recognizers.table_columns import column_of

_PENSION_BEFORE = re.compile(r"年金手帳|基礎年金|年金番号")
_YUCHO_PAIR = re.compile(r"記号[はのがを:：\s「『\"]{0,4}1\d{3}0(?!\d)")
#: a card's 記号: up to eight letters and digits (pauses allowed when read out), after
#: the kanji some municipalities print before them (記号 宇8, 記号 真岡 12)
CARD_SYMBOL = r"(?:[\u4e00-\u9fff]{1,3} ?)?[0-9A-Za-z](?:-?[0-9A-Za-z]){0,7}"
_INSURER_LABEL = re.compile(r"(?<!被)保険者番号[はのが:：\s]*$")


class JpHealthInsuranceRecognizer(FieldContextRecognizer):
    """Finds 被保険者番号 and 保険証 記号・番号 values next to a health-insurance label."""

    ENTITY: ClassVar[str] = "HEALTH_INSURANCE_NUMBER"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("insured_number", r"(?<![\dA-Za-z-])\d{6,10}(?![\dA-Za-z]|-\d)", 0.2),
        Pattern("symbol_dash_number", r"(?<![\dA-Za-z-])\d{1,6}-\d{4,10}(?![\dA-Za-z]|-\d)", 0.2),
        # read out or keyed in groups of no fixed shape (0002、641、835 / 0 0412 877):
        # three groups or more, which no typed 記号-番号 has
        Pattern(
            "insured_number_in_groups",
            r"(?<![\dA-Za-z-])(?=\d+[- ]\d+[- ]\d)\d(?:[- ]?\d){5,9}(?![\dA-Za-z]|[- ]\d)",
            0.2,
        ),
        # six to ten digits split by one blank (0041 2877), as typed or scanned
        Pattern(
            "insured_number_split",
            r"(?<![\dA-Za-z-])(?<!\d )(?=(?:\d ?){6,10}(?!\d))\d+ \d+"
            r"(?![\dA-Za-z年月日時円歳]|[- ]\d)",
            0.2,
        ),
        # a whole cell of an exported row, however short (記号 12, 番号 55021): only in a
        # table with a header, which names it (postprocess)
        Pattern("table_cell", r"(?<=[\t,|│‖])\d{1,10}(?=[\t,|│‖\n]|$)", 0.2),
        # an export's value after its key ("hoken_kigo":"12", kokuho_kigo=03): only where
        # the key names an insurance card's field (postprocess)
        Pattern(
            "export_value",
            r"(?:(?<=[A-Za-z_]=)|(?<=[A-Za-z_][\"']:[\"'])|(?<=[A-Za-z_][\"']: [\"'])"
            r"|(?<=[A-Za-z_][\"']:)|(?<=[A-Za-z_][\"']: ))"
            r"(?:[\u4e00-\u9fff]{1,3})?\d{1,10}(?=[\"',\s}&]|$)",
            0.2,
        ),
        Pattern(
            "symbol_space_number",
            rf"(?<=記号番号{LABEL_GAP})\d{{1,6}} \d{{4,10}}(?![\dA-Za-z]|-\d)",
            0.2,
        ),
        Pattern(
            "card_symbol",
            rf"(?<={SYMBOL_WORD}{LABEL_GAP}){CARD_SYMBOL}(?={PAIR_GAP}{NUMBER_WORD})",
            0.2,
        ),
        Pattern(
            "card_number",
            rf"(?<={SYMBOL_WORD}{LABEL_GAP}{CARD_SYMBOL}{PAIR_GAP}{NUMBER_WORD}{LABEL_GAP})"
            rf"{PAUSED_DIGITS}{{0,9}}(?![\dA-Za-z]|-\d)",
            0.2,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "insured person",
        "Insured person",
        "insurance no",
        "Insurance no",
        "insurance card",
        "Insurance card",
        "NHI",
        "seguro",
        "health insurance",
        "Health insurance",
        "insurance number",
        "Insurance number",
        # in callers' own words: Chinese, Vietnamese, Korean
        "保险证",
        "保险",
        "保險證",
        "bảo hiểm",
        "보험증",
        "보험",
        "被保険者",
        "被保番",  # 被保番号 and the memo's 被保番
        "保険証",
        "ほけんしょう",  # written in kana by speech-to-text
        "ひほけんしゃ",
        "国保",
        "後期高齢",
        "介護保険",
        "健康保険",
        "資格確認書",
        "保険",  # 健康保険, 介護保険, 保険年金課
        # a card's 記号 … 番号 pair is an insurance card's, unless it is a ゆうちょ
        # account's (1xxx0) or a pension handbook's (postprocess)
        "記号",
    ]
    STOP_LABELS = stop_labels_except("被保険者", "被保番", "保険証", "国保")
    CONTEXT_WINDOW: ClassVar[int] = 32
    CONTEXT_BOOST: ClassVar[float] = 0.5

    def postprocess(
        self, norm: NormalizedText, results: list[RecognizerResult]
    ) -> Iterable[RecognizerResult]:
        """Drop the insurer's number (its label names the organisation, not the person),
        and a 記号・番号 pair whose 記号 is a ゆうちょ account's (1xxx0) with no insurance
        word before it: that is a bank account."""
        return [
            r
            for r in results
            if (self.pattern_of(r) != "table_cell" or column_of(norm.text, r.start) is not None)
            and (
                self.pattern_of(r) != "export_value"
                or key_before(norm.text[max(0, r.start - 40) : r.start], self.ENTITY)
            )
            and not _INSURER_LABEL.search(self.context_before(norm, r.start))
            and not _PENSION_BEFORE.search(line_before(norm.text, r.start, self.CONTEXT_WINDOW))
            and not (
                _YUCHO_PAIR.search(norm.text, max(0, r.start - 24), r.end)
                and not HEALTH_LABEL.search(line_before(norm.text, r.start, self.CONTEXT_WINDOW))
            )
        ]
