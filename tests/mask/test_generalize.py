"""Generalization: an address cut to its municipality, a birth date read into an age band."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from redactor.masking.generalize import age_band, municipality_of, parse_birth_date

NOW = datetime(2026, 11, 28)


@pytest.mark.parametrize(
    ("address", "municipality"),
    [
        ("大阪市淀川区西中島4-6-24", "大阪市淀川区"),
        ("城東区鴫野東1丁目3の22の405", "城東区"),
        ("大阪府大阪市天王寺区玉造元町14-8", "大阪府大阪市天王寺区"),
        ("〒533-0014 大阪市東淀川区豊新5-3-11", "大阪市東淀川区"),
        ("〒５３３－００１４大阪市東淀川区豊新", "大阪市東淀川区"),
        ("堺市北区中百舌鳥町5丁目48番地", "堺市北区"),
        ("吹田市江坂町1丁目12番38号", "吹田市"),
        ("城東区古市2-4-19", "城東区"),  # 古市 is a town, not a city
        ("北海道札幌市北区北十二条西3丁目5-8", "北海道札幌市北区"),
        ("北海道虻田郡倶知安町北1条東2丁目", "北海道虻田郡倶知安町"),
        ("東京都世田谷区三軒茶屋1丁目22番5号", "東京都世田谷区"),
        ("長野県下伊那郡阿智村智里", "長野県下伊那郡阿智村"),
        ("神奈川県横浜市港北区日吉本町2-41-7", "神奈川県横浜市港北区"),
    ],
)
def test_municipality_of_addresses(address: str, municipality: str) -> None:
    assert municipality_of(address) == municipality


@pytest.mark.parametrize(
    "address",
    [
        "大阪市淀川区",  # nothing coarser left: the whole value would survive
        "西中島4-6-24",  # street level only
        "4-6-24",
        "本町2丁目",  # a 町 without a prefecture is a street-level town name
        "",
        "ハイツ豊新203",
    ],
)
def test_municipality_of_gives_none_when_nothing_safe_remains(address: str) -> None:
    assert municipality_of(address) is None


@pytest.mark.parametrize(
    ("text", "born"),
    [
        ("昭和45年3月2日", date(1970, 3, 2)),
        ("S45.3.2", date(1970, 3, 2)),
        ("s45.3.2", date(1970, 3, 2)),
        ("Ｓ４５．３．２", date(1970, 3, 2)),
        ("H1.3.31", date(1989, 3, 31)),
        ("平成元年1月8日", date(1989, 1, 8)),
        ("令和6年11月8日", date(2024, 11, 8)),
        ("R3.7.19", date(2021, 7, 19)),
        ("大正15年1月9日", date(1926, 1, 9)),
        ("T15.1.9", date(1926, 1, 9)),
        ("昭和四十九年七月八日", date(1974, 7, 8)),
        ("昭和12年の4月15日", date(1937, 4, 15)),
        ("1958/11/27", date(1958, 11, 27)),
        ("1962-04-30", date(1962, 4, 30)),
        ("1976年2月29日", date(1976, 2, 29)),
        ("１９７６年２月２９日", date(1976, 2, 29)),
        ("一九七〇年三月二日", date(1970, 3, 2)),
        ("19700302", date(1970, 3, 2)),
        ("昭和45年", date(1970, 7, 1)),  # month and day unknown: mid-year
    ],
)
def test_parse_birth_date(text: str, born: date) -> None:
    assert parse_birth_date(text) == born


@pytest.mark.parametrize(
    "text",
    [
        "昭和70年1月1日",  # 昭和 ended in its 64th year
        "平成32年1月1日",
        "1977年2月29日",  # not a leap year
        "2001/13/01",
        "来週の火曜",
        "",
        "12345",
    ],
)
def test_parse_birth_date_refuses_impossible_dates(text: str) -> None:
    assert parse_birth_date(text) is None


@pytest.mark.parametrize(
    ("text", "band"),
    [
        ("昭和45年3月2日", "<50代>"),
        ("昭和56年11月28日", "<40代>"),  # 45th birthday today
        ("昭和56年11月29日", "<40代>"),  # 44, birthday tomorrow
        ("昭和61年11月29日", "<30代>"),  # 39, turns 40 tomorrow
        ("令和6年11月8日", "<10歳未満>"),
        ("大正15年1月9日", "<100代>"),
        ("2027/01/01", None),  # born in the future
        ("1850/01/01", None),  # over 130
        ("不明", None),
    ],
)
def test_age_band(text: str, band: str | None) -> None:
    assert age_band(text, NOW) == band
