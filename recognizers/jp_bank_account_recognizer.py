"""Japanese bank and post-office account numbers (口座番号, ゆうちょ 記号・番号).

What: the number of a deposit account a caller gives for a refund, a benefit
or a direct debit.

Format: a bank account number is 7 digits (after the bank, branch and account
type: ``普通 4821937``, ``口座番号1234567``). A Japan Post Bank (ゆうちょ)
account is a 記号 of 5 digits (``1xxx0``) and a 番号 of up to 8 digits, given
apart (``記号14170 番号38265911``: two spans, values only) or together
(``記号番号 14180-50227761``: one span). There is no check digit, and seven
digits alone are anything, so an account word (``口座``, ``普通``, ``預金``,
``ゆうちょ``, ``振込``…) must precede the value in the same field. The bank and
branch names are not part of the span.

Reference: 全国銀行協会「口座番号」; ゆうちょ銀行「記号・番号」,
https://www.jp-bank.japanpost.jp/kojin/sokin/koza/kj_sk_kz_furikomi.html
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from presidio_analyzer import Pattern, RecognizerResult

from recognizers.context_words import line_before
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


class JpBankAccountRecognizer(FieldContextRecognizer):
    """Finds bank account numbers and ゆうちょ 記号・番号 after an account word."""

    ENTITY: ClassVar[str] = "BANK_ACCOUNT"
    PATTERNS: ClassVar[list[Pattern]] = [
        # seven digits, also when read out with pauses (normalized to "-")
        Pattern("account_number", r"(?<![\dA-Za-z-])\d(?:-?\d){6}(?![\dA-Za-z]|-\d)", 0.2),
        # …and with a blank or two inside, where a scan or a typist split it (普通 2039 541,
        # 普通 l8 44O 92)
        Pattern(
            "account_number_split",
            r"(?<![\dA-Za-z-])(?=(?:\d ?){6}\d(?!\d|[- ]\d))\d+ \d+(?: \d+)?(?![\dA-Za-z]| \d)",
            0.2,
        ),
        # 記号 1xxx0 … 番号 N: the labelled pair in ゆうちょ's own shape needs no other word
        Pattern(
            "yucho_symbol",
            rf"(?<={SYMBOL_WORD}{LABEL_GAP})1\d{{3}}0"
            rf"(?={PAIR_GAP}{NUMBER_WORD}{LABEL_GAP}{PAUSED_DIGITS}{{4,7}}(?!\d))",
            0.55,
        ),
        Pattern(
            "yucho_number",
            rf"(?<={SYMBOL_WORD}{LABEL_GAP}1\d{{3}}0{PAIR_GAP}{NUMBER_WORD}{LABEL_GAP})"
            rf"{PAUSED_DIGITS}{{4,7}}(?![\dA-Za-z]|-\d)",
            0.55,
        ),
        # the 記号 and the 8-digit 番号 (which always ends in 1) each on its own, as in
        # chat messages: only where an account word or question vouches
        Pattern(
            "yucho_symbol_alone",
            rf"(?<={SYMBOL_WORD}{LABEL_GAP})1\d{{3}}0(?![\dA-Za-z]|-\d)",
            0.2,
        ),
        Pattern("yucho_number_8", r"(?<![\dA-Za-z-])(?:\d[- ]?){7}1(?![\dA-Za-z]|[- ]\d)", 0.2),
        Pattern(
            "yucho_symbol_number", r"(?<![\dA-Za-z-])1\d{3}0[- ]?\d{5,8}(?![\dA-Za-z]|-\d)", 0.3
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "acct",
        "Acct",
        "account no",
        "Account no",
        "account number",
        "Account number",
        "Yucho",
        "yucho",
        "conta",
        "cuenta",
        # in callers' own words: Chinese, Vietnamese, Korean
        "账号",
        "帐号",
        "账户",
        "帳戶",
        "tài khoản",
        "계좌",
        "口座",
        "こうざ",  # written in kana by speech-to-text
        "普通",
        "当座",
        "預金",
        "貯金",
        "ゆうちょ",
        "振込",
        "振替",
        "通帳",
    ]
    STOP_LABELS = stop_labels_except("口座")

    def postprocess(
        self, norm: NormalizedText, results: list[RecognizerResult]
    ) -> Iterable[RecognizerResult]:
        """A 記号・番号 pair after an insurance word is a card's, however ゆうちょ-shaped."""
        for r in results:
            pattern = self.pattern_of(r)
            window = line_before(norm.text, r.start, self.CONTEXT_WINDOW)
            if pattern in ("yucho_symbol", "yucho_number") and HEALTH_LABEL.search(window):
                r.score = 0.2
        return results

    CONTEXT_WINDOW: ClassVar[int] = 40
    CONTEXT_BOOST: ClassVar[float] = 0.5
