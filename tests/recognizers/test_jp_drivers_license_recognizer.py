"""JpDriversLicenseRecognizer: 12 digits, a real commission code, and licence context."""

from __future__ import annotations

import pytest

from recognizers.jp_drivers_license_recognizer import COMMISSION_CODES, JpDriversLicenseRecognizer

ENTITY = "DRIVERS_LICENSE"
THRESHOLD = 0.5


@pytest.fixture(scope="module")
def rec() -> JpDriversLicenseRecognizer:
    return JpDriversLicenseRecognizer()


def reported(rec: JpDriversLicenseRecognizer, text: str) -> list[str]:
    return [
        text[r.start : r.end] for r in rec.analyze(text, [ENTITY], None) if r.score >= THRESHOLD
    ]


def test_commission_codes_run_from_hokkaido_to_okinawa() -> None:
    assert {"10", "14", "30", "62", "97"} <= COMMISSION_CODES
    assert not {"00", "09", "15", "31", "56", "98", "99"} & COMMISSION_CODES


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("本人確認は運転免許証番号501773156470で行いました", "501773156470"),
        ("免許証番号 309525658160。", "309525658160"),
        ("運転免許証番号：448174026661\n用件", "448174026661"),
        ("免許証番号 第440094532031号と申告", "440094532031"),
        ("運転免許証で大丈夫ですか 大丈夫です 309609547291 これですわ", "309609547291"),
        ("免許証の番号を言えばいいですか 一応番号言っときます 502195497610", "502195497610"),
        ("運転免許証 ５０１７７３１５６４７０", "５０１７７３１５６４７０"),
        ("免許証番号は 5017 7315 6470 です", "5017 7315 6470"),
        ("免許証番号は 五〇一七七三一五六四七〇 です", "五〇一七七三一五六四七〇"),
    ],
)
def test_licence_numbers_are_found_with_licence_context(
    rec: JpDriversLicenseRecognizer, text: str, value: str
) -> None:
    assert reported(rec, text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "501773156470",
        "番号 501773156470",
        "第440094532031号",
        "運転免許証を持参、個人番号は 501773156475",
        "免許証番号 990000000000",
        "免許証番号 0501773156470",
        "免許証番号 50177315647",
        "運転免許証\n受付 501773156470",
    ],
)
def test_twelve_digits_without_licence_context_or_code_are_not_reported(
    rec: JpDriversLicenseRecognizer, text: str
) -> None:
    assert reported(rec, text) == []
