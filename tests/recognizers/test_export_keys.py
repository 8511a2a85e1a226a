"""A key of an export (JSON, key=value) names the value after it."""

from __future__ import annotations

import pytest

from recognizers.export_keys import key_before
from recognizers.jp_my_number_recognizer import JpMyNumberRecognizer
from recognizers.jp_pension_number_recognizer import JpPensionNumberRecognizer


@pytest.mark.parametrize(
    ("window", "label"),
    [
        ('{"id":"R-1","kojin_bango":"', "MY_NUMBER"),
        ("job=KOKUHO pension_no=", "PENSION_NUMBER"),
        ('"HihokenshaNo": "', "HEALTH_INSURANCE_NUMBER"),
        ("koza-bango: ", "BANK_ACCOUNT"),
        ("'dob': '", "DATE_OF_BIRTH"),
        ("zip=", "POSTAL_CODE"),
    ],
)
def test_a_key_right_before_the_value_names_it(window: str, label: str) -> None:
    assert key_before(window, label)


@pytest.mark.parametrize(
    ("window", "label"),
    [
        ("hotel=", "PHONE_NUMBER"),  # tel is the tail of another word
        ('"pension_no":"1234", "status":"', "PENSION_NUMBER"),  # another key came after
        ("pension_no ", "PENSION_NUMBER"),  # no : or =
        ("my_number=", "PENSION_NUMBER"),  # another label's key
    ],
)
def test_a_key_names_only_the_value_right_after_it(window: str, label: str) -> None:
    assert not key_before(window, label)


def test_recognizers_take_an_exports_key_as_the_label() -> None:
    text = '{"receipt":"WEB-0014","kojin_bango":"895559797119","nenkin_no":"1234-567890"}'
    my = JpMyNumberRecognizer().analyze(text, ["MY_NUMBER"])
    assert [text[r.start : r.end] for r in my if r.score >= 0.5] == ["895559797119"]
    pension = JpPensionNumberRecognizer().analyze(text, ["PENSION_NUMBER"])
    assert [text[r.start : r.end] for r in pension if r.score >= 0.5] == ["1234-567890"]


def test_a_short_card_value_counts_only_after_an_insurance_key() -> None:
    from recognizers.jp_health_insurance_recognizer import JpHealthInsuranceRecognizer

    rec = JpHealthInsuranceRecognizer()
    text = '{"name":"R","hoken_kigo":"12","hoken_bango":"55021","count":"12","page": 3}'
    found = [text[r.start : r.end] for r in rec.analyze(text, ["HEALTH_INSURANCE_NUMBER"])]
    assert [f for f in found if f] == ["12", "55021"]
