"""Addresses abroad, by script and by the label before them (no model needed)."""

from __future__ import annotations

import pytest

from recognizers.overseas_address_recognizer import OverseasAddressRecognizer


@pytest.fixture(scope="module")
def rec() -> OverseasAddressRecognizer:
    return OverseasAddressRecognizer()


def _found(rec: OverseasAddressRecognizer, text: str) -> list[str]:
    return [text[r.start : r.end] for r in rec.analyze(text, ["ADDRESS"]) if r.score >= 0.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Current address: Blk 12 Lot 7, Mabuhay Homes, Brgy. San Isidro, Antipolo City, "
            "Rizal 1870, Philippines\nPassport no.: PB7410000",
            "Blk 12 Lot 7, Mabuhay Homes, Brgy. San Isidro, Antipolo City, Rizal 1870, Philippines",
        ),
        (
            "forwarding address: 14 Shreeji Park, Vastrapur, Ahmedabad 380015, Gujarat\nNote",
            "14 Shreeji Park, Vastrapur, Ahmedabad 380015, Gujarat",
        ),
        ("「주소는 광명시 철산로 45, 302동 1104호였어요.」", "광명시 철산로 45, 302동 1104호"),
        (
            "帰国先：Số 27, ngõ 112, phố Trần Duy Hưng, Cầu Giấy, Hà Nội\nベトナムの電話",
            "Số 27, ngõ 112, phố Trần Duy Hưng, Cầu Giấy, Hà Nội",
        ),
        # Chinese, simplified and as a Japanese interpreter writes it; the verb left out
        ("住在大连市沙河口区五一路188号3单元502。", "大连市沙河口区五一路188号3单元502"),
        ("帰国後は大連市沙河口区五一路188号3単元502に住む", "大連市沙河口区五一路188号3単元502"),
        ("地址：上海市浦东新区世纪大道100号", "上海市浦东新区世纪大道100号"),
    ],
)
def test_a_street_address_abroad_is_one_span(
    rec: OverseasAddressRecognizer, text: str, expected: str
) -> None:
    assert _found(rec, text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Số điện thoại của tôi là 090",  # "number" in Vietnamese, no address
        "Address: same as above",
        "Email address: a.kim@example.com",
        "Address: Tokyo, Japan, see file",  # no number: a city, not a street
        "서울에서 왔어요",  # a city alone
        "大阪市中央区道修町3丁目1番8号",  # a Japanese address: no number and 号 after 路
        "上海市浦东新区に住んでいた",  # a district, no road
        "",
    ],
)
def test_no_street_address_abroad_then_nothing(rec: OverseasAddressRecognizer, text: str) -> None:
    assert _found(rec, text) == []


def test_another_entity_asked_then_nothing(rec: OverseasAddressRecognizer) -> None:
    assert rec.analyze("帰国先：Số 27, ngõ 112, phố Huế, Hà Nội", ["PERSON"]) == []
