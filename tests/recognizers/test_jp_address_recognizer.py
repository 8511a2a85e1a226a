"""JpAddressRecognizer: street-level addresses in every digit form, and what is not one."""

from __future__ import annotations

import pytest

from recognizers.jp_address_recognizer import (
    GAZETTEER_PATH,
    JpAddressRecognizer,
    load_gazetteer,
    parse_gazetteer,
)

ENTITY = "ADDRESS"


@pytest.fixture(scope="module")
def rec() -> JpAddressRecognizer:
    return JpAddressRecognizer()


def spans(rec: JpAddressRecognizer, text: str) -> list[str]:
    return [text[r.start : r.end] for r in rec.analyze(text, [ENTITY], None)]


# (sentence, the one address it holds)
POSITIVES = [
    # a town with 丁目 is a place whatever word follows it
    ("西成区の花園北2丁目付近で不法投棄", "西成区の花園北2丁目"),
    # a room with its unit's letter
    (
        "住所 大阪市北区天神橋5丁目4-10 メゾン天神 3F-C\n電話",
        "大阪市北区天神橋5丁目4-10 メゾン天神 3F-C",
    ),
    ("大阪市北区天神橋5丁目4-10 コーポ天満 2Bです", "大阪市北区天神橋5丁目4-10 コーポ天満 2B"),
    # said aloud, the city and its town come apart; a town said with other voicing
    (
        "現場は浪速区の、えー、なんばなか、いっちょうめの、さんの、ろくの前",
        "浪速区の、えー、なんばなか、いっちょうめの、さんの、ろく",
    ),
    (
        "住所は北区の、てんじんばし、ごちょうめ、の、よんの、じゅう",
        "北区の、てんじんばし、ごちょうめ、の、よんの、じゅう",
    ),
    # read out in pieces, の between town and block: one span
    ("住所は 大阪市 淀川区 西中島 の 4丁目 6の24 です", "大阪市 淀川区 西中島 の 4丁目 6の24"),
    # hyphen forms, ASCII and full-width
    ("住所：東成区今里2-5-30\n電話：06-6972-0000", "東成区今里2-5-30"),
    ("住所：大阪市東住吉区針中野２－１１－６\n", "大阪市東住吉区針中野２－１１－６"),
    ("転入先 西区九条南2-4-6-705。転入後", "西区九条南2-4-6-705"),
    # 丁目・番・号 in ASCII and kanji
    ("住所は大阪市港区市岡1丁目15番25号のため", "大阪市港区市岡1丁目15番25号"),
    ("住所は東住吉区駒川五丁目十八番三号です。", "東住吉区駒川五丁目十八番三号"),
    ("住所：淀川区西宮原一丁目七番二十号\n", "淀川区西宮原一丁目七番二十号"),
    ("金沢市若草町五丁目十四番十号です", "金沢市若草町五丁目十四番十号"),
    ("施設の住所は 堺市北区中百舌鳥町5丁目48番地 です", "堺市北区中百舌鳥町5丁目48番地"),
    # の as the separator in speech, without the city
    ("ご住所は 城東区鴫野東1丁目3の22の405 です", "城東区鴫野東1丁目3の22の405"),
    ("使用場所は 此花区西九条3の4の17 です", "此花区西九条3の4の17"),
    ("ええと鴫野東1丁目3の22の405です", "鴫野東1丁目3の22の405"),
    ("中央3丁目の交差点に穴があります", "中央3丁目"),
    # prefecture, other cities
    (
        "新しい住所は 愛知県名古屋市昭和区八事本町100の35 です",
        "愛知県名古屋市昭和区八事本町100の35",
    ),
    ("前住所は兵庫県神戸市灘区六甲町4丁目3-9で、", "兵庫県神戸市灘区六甲町4丁目3-9"),
    # Sapporo's grid, Kyoto's streets, rural 字 and 番地
    ("転出先は北海道札幌市北区北十二条西3丁目5-8とのこと", "北海道札幌市北区北十二条西3丁目5-8"),
    ("札幌市中央区北9条西6丁目に住んでいます", "札幌市中央区北9条西6丁目"),
    ("京都市中京区烏丸通御池下ル虎屋町566-1に", "京都市中京区烏丸通御池下ル虎屋町566-1"),
    ("秋田県仙北郡美郷町六郷字押切195に所在", "秋田県仙北郡美郷町六郷字押切195"),
    # buildings and rooms
    (
        "住所：〒532-0023 大阪市淀川区十三東2丁目5番18号 サンハイツ十三302\n",
        "〒532-0023 大阪市淀川区十三東2丁目5番18号 サンハイツ十三302",
    ),
    (
        "所在地：大阪市西区江戸堀1丁目21番4号 江戸堀センタービル5階\n",
        "大阪市西区江戸堀1丁目21番4号 江戸堀センタービル5階",
    ),
    (
        "転入先は福島区海老江7-2-40 コスモ海老江806号室です。",
        "福島区海老江7-2-40 コスモ海老江806号室",
    ),
    ("様、東淀川区豊新3-8-21 ハイツ豊新203。品目", "東淀川区豊新3-8-21 ハイツ豊新203"),
    ("中央区本町4-6-24大拓ビル9階まで", "中央区本町4-6-24大拓ビル9階"),
    ("北区中崎西2-3-11 203号室に", "北区中崎西2-3-11 203号室"),
    # postal code with 〒 is one span with the address
    (
        "住所：〒５４７－００２７ 大阪市平野区喜連1丁目3番7号\n",
        "〒５４７－００２７ 大阪市平野区喜連1丁目3番7号",
    ),
    # reaching a town name is enough with its ward
    ("小山様、東淀川区瑞光在住。", "東淀川区瑞光"),
    ("大阪市淀川区西中島の事務所", "大阪市淀川区西中島"),
    # spoken, with spaces; a room after the building's name
    ("住所は 大阪市 淀川区 西中島 5丁目 6の7 です", "大阪市 淀川区 西中島 5丁目 6の7"),
    (
        "住所は淀川区西中島5-6-7 ロイヤルマンション西中島 305号室です",
        "淀川区西中島5-6-7 ロイヤルマンション西中島 305号室",
    ),
    (
        "生野区桃谷4丁目11番5号 市営桃谷住宅3号棟201号室です",
        "生野区桃谷4丁目11番5号 市営桃谷住宅3号棟201号室",
    ),
    # a pot-hole's place is an address too
    ("旭区新森2丁目7-3の前の道路が陥没", "旭区新森2丁目7-3"),
    ("大正区千島2丁目3番 の千島公園の横です", "大正区千島2丁目3番"),
    # speech-to-text's blanks: a block said …ちょう (2丁) after its town, a counter apart
    (
        "場所は 北区の 東浅香山町 にちょう 百三十 番地 の 辺り",
        "北区の 東浅香山町 にちょう 百三十 番地",
    ),
    ("西中島4丁目 6 番 24 号です", "西中島4丁目 6 番 24 号"),
    # a sentence about the city before a pause is no piece of the address
    ("北区役所に行きました、西中島4-6-24です", "西中島4-6-24"),
    # read out in pieces: the ward said before a pause, a correction between
    (
        "住所は 中京区壬生かみ、あ、ちゃう、壬生坊城町、にじゅうばんち",
        "中京区壬生かみ、あ、ちゃう、壬生坊城町、にじゅうばんち",
    ),
    (
        "相談者 左京区しもがも、まつのきちょう、さんじゅうはち、の、に オペ",
        "左京区しもがも、まつのきちょう、さんじゅうはち、の、に",
    ),
]

POSITIVES += [
    # a building's room as B-201, #305 or a bare number after its name
    (
        "住所：新宿区百人町1-24-9 グリーンコート新大久保 B-201",
        "新宿区百人町1-24-9 グリーンコート新大久保 B-201",
    ),
    ("住所 大阪市北区梅田1-2-3 梅田ハイツ #305", "大阪市北区梅田1-2-3 梅田ハイツ #305"),
    # a building in Latin letters after the block, as a foreign resident's form has it
    (
        "住所：東京都新宿区大久保2-15-3, Sun Palace Okubo #203",
        "東京都新宿区大久保2-15-3, Sun Palace Okubo #203",
    ),
    # a form's own field for the building and room
    ("建物名　コーポ葵 201号室", "コーポ葵 201号室"),
    ("マンション名：パークハウス本町 1102", "パークハウス本町 1102"),
]

NEGATIVES = [
    "大阪市淀川区の窓口でお手続きください。",
    "淀川区役所の3階で受け付けます。",
    "城東区民センターにお越しください。",
    "大阪府にお住まいの方",
    "北区と西区の合同説明会",
    "郵便番号 〒532-0011 だけ分かる",
    "郵便番号は532-0011です",
    "令和6年4月1日から3,000円に変わります",
    "2024-05-01 10:30 受付番号12-345",
    "電話は06-6123-4567、携帯は090-1234-5678です",
    "北海道10区から立候補",
    "兵庫県芦屋で生誕",
    "日の里12号公園内",
    "そこから「白鳥3号」で竜飛海底駅へ",
    "山田2名が来庁",
    "大阪市内在住の方",
    "淀川区民まつり3日目",
    "港区の弁天町駅3番出口",
    "大阪市役所1階",
    "西区民センター2階会議室",
    "担当：田中（内線214）",
    "建物名：未記入",
    "",
    "ーーー〒〒〒---",
]


@pytest.mark.parametrize(("text", "expected"), POSITIVES)
def test_when_a_street_level_address_then_it_is_one_whole_span(
    rec: JpAddressRecognizer, text: str, expected: str
) -> None:
    assert spans(rec, text) == [expected]


def test_when_two_addresses_follow_each_other_then_they_stay_two_spans(
    rec: JpAddressRecognizer,
) -> None:
    text = "東京都港区芝公園4-2-8 大阪市北区梅田1-1-1"
    assert spans(rec, text) == ["東京都港区芝公園4-2-8", "大阪市北区梅田1-1-1"]


@pytest.mark.parametrize("text", NEGATIVES)
def test_when_no_street_level_place_then_nothing_is_found(
    rec: JpAddressRecognizer, text: str
) -> None:
    assert spans(rec, text) == []


def test_when_two_addresses_then_two_spans(rec: JpAddressRecognizer) -> None:
    text = (
        "現住所 大阪市北区中崎西2-3-11、"
        "転出先 東京都世田谷区三軒茶屋1丁目22番5号 グランコート三茶402。"
    )
    assert spans(rec, text) == [
        "大阪市北区中崎西2-3-11",
        "東京都世田谷区三軒茶屋1丁目22番5号 グランコート三茶402",
    ]


def test_when_a_town_belongs_to_another_city_then_the_ward_alone_does_not_make_it(
    rec: JpAddressRecognizer,
) -> None:
    # 天神橋 is a town of 大阪市北区, not of 札幌市北区: no block, no address.
    assert spans(rec, "札幌市北区天神橋の話") == []
    assert spans(rec, "大阪市北区天神橋の話") == ["大阪市北区天神橋"]


def test_when_the_address_is_found_then_scores_pass_the_threshold_and_explain(
    rec: JpAddressRecognizer,
) -> None:
    results = rec.analyze("住所：〒547-0027 大阪市平野区喜連1丁目3番7号", [ENTITY], None)
    assert len(results) == 1
    assert results[0].score >= 0.9
    assert results[0].analysis_explanation is not None
    assert "postal code" in results[0].analysis_explanation.textual_explanation


def test_when_another_entity_is_asked_then_nothing_is_returned(rec: JpAddressRecognizer) -> None:
    assert rec.analyze("大阪市港区市岡1丁目15番25号", ["PHONE_NUMBER"], None) == []


def test_when_a_gazetteer_is_injected_then_it_alone_decides_the_towns() -> None:
    gaz = parse_gazetteer(["大阪府\t大阪市淀川区\t西中島\n"])
    rec = JpAddressRecognizer(gazetteer=gaz)
    assert spans_of(rec, "大阪市淀川区西中島5-6-7") == ["大阪市淀川区西中島5-6-7"]
    assert spans_of(rec, "鴫野東1丁目3の22") == []


def spans_of(rec: JpAddressRecognizer, text: str) -> list[str]:
    return spans(rec, text)


def test_when_the_shipped_gazetteer_loads_then_it_covers_all_prefectures() -> None:
    """Its load time and the recognizer's speed are benchmark figures (bench/), not tests."""
    load_gazetteer.cache_clear()
    gaz = load_gazetteer(GAZETTEER_PATH)
    assert len(gaz.prefectures) == 47
    assert "13東" in gaz.all_towns  # 十三東, canonical


@pytest.mark.parametrize(
    ("note", "address"),
    [
        (
            "住所は長岡市大手通のにちょうめの、じゅうさんのよんです",
            "長岡市大手通のにちょうめの、じゅうさんのよん",
        ),
        ("青葉区上杉一丁目、えー、ろくのにです", "青葉区上杉一丁目、えー、ろくのに"),
        (
            "博多駅前3丁目2の8、エステート博多駅前1105です",
            "博多駅前3丁目2の8、エステート博多駅前1105",
        ),
    ],
)
def test_when_an_address_is_read_out_with_pauses_then_it_is_one_span(
    note: str, address: str
) -> None:
    results = JpAddressRecognizer().analyze(note, ["ADDRESS"])
    assert [note[r.start : r.end] for r in results] == [address]


def test_when_a_phone_number_follows_an_address_after_a_pause_then_it_stays_apart() -> None:
    note = "大阪市淀川区西中島4-6-24、090-1234-5678"
    results = JpAddressRecognizer().analyze(note, ["ADDRESS"])
    assert [note[r.start : r.end] for r in results] == ["大阪市淀川区西中島4-6-24"]


@pytest.mark.parametrize(
    ("note", "address"),
    [
        (
            "えっとほうかんちょう一丁目の、にじゅうさんのはちです",
            "ほうかんちょう一丁目の、にじゅうさんのはち",
        ),
        (
            "福山市あけぼのちょう、にちょうめ、よんのにじゅうです",
            "福山市あけぼのちょう、にちょうめ、よんのにじゅう",
        ),
    ],
)
def test_when_a_town_is_said_in_kana_then_its_reading_is_a_town(note: str, address: str) -> None:
    results = JpAddressRecognizer().analyze(note, ["ADDRESS"])
    assert [note[r.start : r.end] for r in results] == [address]


@pytest.mark.parametrize(
    "note", ["あのね、いちばんいいのは", "ながいあいだ", "おおきに、ありがとう"]
)
def test_when_kana_words_are_no_town_with_a_block_then_no_address(note: str) -> None:
    assert JpAddressRecognizer().analyze(note, ["ADDRESS"]) == []


@pytest.mark.parametrize(
    ("text", "building"),
    [
        (
            "新住所 | 大阪市北区天神橋5丁目4番10号\n       | サニーコート天神 402\n前住所 |",
            "サニーコート天神 402",
        ),
        ("住所 大阪市北区天神橋５丁目４－１０\n     ハイツ扇町 ２Ｆ\n電話", "ハイツ扇町 ２Ｆ"),
    ],
)
def test_when_a_forms_building_is_on_the_next_line_of_its_cell_then_it_is_an_address(
    text: str, building: str
) -> None:
    found = [text[r.start : r.end] for r in JpAddressRecognizer().analyze(text, ["ADDRESS"])]
    assert building in found


def test_a_next_line_that_is_another_field_is_not_the_addresss_building() -> None:
    text = "住所 大阪市北区天神橋5丁目4-10\n  電話 06-6354-1234\n  備考 ハイツ 3F"
    found = [text[r.start : r.end] for r in JpAddressRecognizer().analyze(text, ["ADDRESS"])]
    assert found == ["大阪市北区天神橋5丁目4-10"]
