"""A number named in the caller's own language (Chinese, Portuguese, Spanish, Vietnamese,
Korean, English), as an interpreter's transcript quotes it, is found as in Japanese."""

from __future__ import annotations

import pytest
from presidio_analyzer import EntityRecognizer

from recognizers.jp_bank_account_recognizer import JpBankAccountRecognizer
from recognizers.jp_health_insurance_recognizer import JpHealthInsuranceRecognizer
from recognizers.jp_pension_number_recognizer import JpPensionNumberRecognizer

HEALTH = (JpHealthInsuranceRecognizer, "HEALTH_INSURANCE_NUMBER")
PENSION = (JpPensionNumberRecognizer, "PENSION_NUMBER")
BANK = (JpBankAccountRecognizer, "BANK_ACCOUNT")
CASES: list[tuple[tuple[type[EntityRecognizer], str], str, str]] = [
    (HEALTH, "「我的保险证号码是 00412877。」", "00412877"),
    (HEALTH, "“Số bảo hiểm của tôi là 00412877.”", "00412877"),
    (HEALTH, "「제 보험증 번호는 00412877이에요」", "00412877"),
    (HEALTH, "My health insurance number is 0041 2877.", "0041 2877"),
    (PENSION, "「我的养老金号码是 1234-567890。」", "1234-567890"),
    (PENSION, "Meu número de pensão é 1234-567890.", "1234-567890"),
    (PENSION, "「연금 번호는 1234-567890입니다」", "1234-567890"),
    (BANK, "「我的银行账号是 1234567。」", "1234567"),
    (BANK, "“Số tài khoản là 1234567.”", "1234567"),
]


@pytest.mark.parametrize(("kind", "text", "value"), CASES)
def test_a_number_named_in_the_callers_language_is_found(
    kind: tuple[type[EntityRecognizer], str], text: str, value: str
) -> None:
    cls, entity = kind
    results = cls().analyze(text, [entity])  # type: ignore[call-arg]
    assert [text[r.start : r.end] for r in results if r.score >= 0.5] == [value]


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        (BANK, "「我的电话是 1234567。」"),  # a phone's word
        (PENSION, "「我的电话是 1234-567890。」"),
        (HEALTH, "“Số điện thoại 00412877.”"),
    ],
)
def test_a_number_named_as_something_else_is_not(
    kind: tuple[type[EntityRecognizer], str], text: str
) -> None:
    cls, entity = kind
    results = cls().analyze(text, [entity])  # type: ignore[call-arg]
    assert [r for r in results if r.score >= 0.5] == []


@pytest.mark.parametrize(
    ("kind", "text", "value"),
    [
        (HEALTH, "留守電 ほけんしょうの ばんごうは 00412877 です", "00412877"),
        (BANK, "留守電 こうざは 1234567 です", "1234567"),
    ],
)
def test_a_label_speech_to_text_wrote_in_kana_names_the_number(
    kind: tuple[type[EntityRecognizer], str], text: str, value: str
) -> None:
    cls, entity = kind
    results = cls().analyze(text, [entity])  # type: ignore[call-arg]
    assert [text[r.start : r.end] for r in results if r.score >= 0.5] == [value]
