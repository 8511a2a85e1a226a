"""Latin-script names by their cue or their shape (no model needed)."""

from __future__ import annotations

import pytest

from recognizers.person.latin_names import latin_name_candidates


def _names(text: str) -> list[tuple[str, str]]:
    return [(text[c.start : c.end], c.source) for c in latin_name_candidates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Caller: Mr. Owusu, Ghana", [("Owusu", "latin_title")]),
        ("Name: HARRIS, Daniel James DOB: 27 March", [("HARRIS, Daniel James", "latin_cue")]),
        (
            "父：GURUNG Dil Bahadur　母：GURUNG Sita",
            [("GURUNG Dil Bahadur", "latin_cue"), ("GURUNG Sita", "latin_cue")],
        ),
        ("married to Kenji Ota (Japanese)", [("Kenji Ota", "latin_cue")]),
        ("em tên là Nguyễn Thị Lan…", [("Nguyễn Thị Lan", "latin_cue")]),
        ("Señora Rosa Elena Chávez，ペルー", [("Rosa Elena Chávez", "latin_title")]),
        ("長男 Kavindu、次男 Senuth", [("Kavindu", "latin_cue"), ("Senuth", "latin_cue")]),
        ("NGUYEN Van Hung様", [("NGUYEN Van Hung", "latin_known")]),
        ("BATBAYAR Dorj様", [("BATBAYAR Dorj", "latin_shape")]),
        ("Groom: James Patrick O'Sullivan, Ireland", [("James Patrick O'Sullivan", "latin_cue")]),
        ("Name: Bat-Ochir Ganbold", [("Bat-Ochir Ganbold", "latin_cue")]),
        # a family name of two words in capitals before the comma
        ("Name: DELA CRUZ, Jerome Santos\n", [("DELA CRUZ, Jerome Santos", "latin_cue")]),
        # lower-case particles inside a name; "my name is" in the callers' languages
        (
            "本人：Sou a Fernanda Aparecida de Souza Oliveira.",
            [("Fernanda Aparecida de Souza Oliveira", "latin_cue")],
        ),
        (
            "Me llamo José Luis Quispe Mamani. Soy peruano.",
            [("José Luis Quispe Mamani", "latin_cue")],
        ),
        (
            "Ang pangalan ko po ay Rowena Bautista Yamaguchi.",
            [("Rowena Bautista Yamaguchi", "latin_cue")],
        ),
        # a Japanese spelling cue glued to the word before it, the name all in capitals
        ("在留カードのローマ字はPARK SEOYEONです。", [("PARK SEOYEON", "latin_cue")]),
        # a long family name in capitals reads as a passport's; a short one does not lift
        ("申込者：カルナラトネ様（KARUNARATNE Ishan）", [("KARUNARATNE Ishan", "latin_shape")]),
        # a speaker's hesitation between the cue and the name
        ("Hi, this is, uh, Daniel Hartley, calling", [("Daniel Hartley", "latin_cue")]),
        ("My name is... um, Priya Sharma.", [("Priya Sharma", "latin_cue")]),
        # a capitalised cue opening the line is no part of the name
        ("本人：Si Kenji, born in 2016", [("Kenji", "latin_cue")]),
        # Tagalog's marker of a person's name inside a sentence
        ("Yung baby ko po, si Angelo, hindi pa po", [("Angelo", "latin_cue")]),
        ("Pakisabi po kay Maricel Santos", [("Maricel Santos", "latin_cue")]),
        # a relation word numbered; a list entry, one person a line with their number
        ("子①：Aayush Gurung 2016/03/22生", [("Aayush Gurung", "latin_cue")]),
        ("・Tran Thi Lan（VI）080-1145-7092　保育", [("Tran Thi Lan", "latin_known")]),
        ("・Phommachanh Souk（LA）080-1145-7092", [("Phommachanh Souk", "latin_list")]),
        ("3. Kowalczyk Piotr — 03-6228-9041 (office)", [("Kowalczyk Piotr", "latin_list")]),
        # a name spelled letter by letter once its spelling was asked
        (
            "オペ：お名前のつづりをお願いします。\n相談者：T-R-A-N… H-U-N-G.",
            [("T-R-A-N", "latin_spelled"), ("H-U-N-G", "latin_spelled")],
        ),
        # letter names said in kana, after the request or right after the name and は
        (
            "つづりは エヌ・ジー・ユー・ワイ・イー・エヌ、エイチ・エー です。",
            [("エヌ・ジー・ユー・ワイ・イー・エヌ、エイチ・エー", "latin_spelled")],
        ),
        (
            "フェルナンデスは えふ いー あーる えぬ えー えぬ でぃー いー ぜっと です",
            [("えふ いー あーる えぬ えー えぬ でぃー いー ぜっと", "latin_spelled")],
        ),
        # a list of people the cue opened: each entry after the first is a name too
        (
            "Children: Hana (DOB 2019-08-22), Leo (DOB 2022-12-05)\nHusband's in Osaka.",
            [("Hana", "latin_cue"), ("Leo", "latin_listed")],
        ),
        (
            "Children: Kaito 小4, Yuna 小1 — both at 緑ヶ丘小学校.",
            [("Kaito", "latin_cue"), ("Yuna", "latin_listed")],
        ),
        (
            "Children: Ana, Pedro and Luis",
            [("Ana", "latin_cue"), ("Pedro", "latin_listed"), ("Luis", "latin_listed")],
        ),
        # a speaker's turn in their language: the first word is no name, the name after is
        ("本人：Con gái em tên Trần Bảo Ngọc.", [("Trần Bảo Ngọc", "latin_known")]),
        ("本人：Asawa ko po si Mark Anthony Reyes.", [("Mark Anthony Reyes", "latin_cue")]),
        ("本人：Dạ, Nguyễn Văn Phúc ạ.", [("Nguyễn Văn Phúc", "latin_known")]),
        # a cue that opens no list, then a country
        ("Caller: Maria, Brazil", [("Maria", "latin_cue")]),
        # no cue, but the lists know a given or family name among the words
        ("Name given as Daniel Koh, Singapore", [("Daniel Koh", "latin_known")]),
        ("・Kim Yuna（KO）yuna.k@naver.com", [("Kim Yuna", "latin_known")]),
        ("Maria Santos called", [("Maria Santos", "latin_known")]),
        ("郵便受けに「OLIVEIRA」「オリヴェイラ」", [("OLIVEIRA", "latin_known")]),
        ("They mentioned Aoife (groom's sister)", [("Aoife", "latin_known")]),
        # a name before a romanised address keeps its words; the address's are no name
        (
            "Name: Maria Santos, Hamamatsu-shi Naka-ku Sumiyoshi 2-13-5",
            [("Maria Santos", "latin_cue")],
        ),
        ("Tenant: Ana Lima Toyota City", [("Ana Lima", "latin_cue")]),
        # a Korean given name's hyphen is no place suffix
        ("Name: KIM Seo-yeon", [("KIM Seo-yeon", "latin_cue")]),
    ],
)
def test_when_a_latin_name_has_a_cue_or_a_family_in_capitals_then_it_is_found(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The Tax Office in Tokyo said OK",
        "Please call the Japan Pension Service",
        "I live in Oji 2-19-8, Kita-ku",
        "相談者：Dạ, vâng",  # a filler after a speaker label
        "Caller: Can I pay at the Counter?",
        # two capitalised words neither list knows, no cue: left to other evidence
        "Kavya Reddington called",
        # a short given name alone is as often a word; a short family in capitals an acronym
        "Sam said OK",
        "LEE 様式",
        # a speaker label's turn, not a name field
        "本人：Nací el 15 de enero",
        "本人：Yucho bank, kigo 17480",
        # a place after a family name
        "Park Avenue and Smith St",
        "LINE でも配信",
        "番号訂正、本人SMSで連絡あり",  # a lone short word in capitals: an acronym
        "・Microsoft Teams の案内 03-1234-5678",  # a list entry of no person
        "・Online Form で申請",
        "JR、NHK、ABC の順",  # letters in a row, no spelling asked
        # an e-mail read out holds its mail words; letters with no request, no name before
        "スペルは えむ てぃー えー あっと じーめーる どっと こむ です",
        "番組は えぬ えいち けー えす です",
        "長男 TEL 090",
        # a romanised place after a name cue: its unit is on the word or after it
        "From: Hamamatsu-shi Naka-ku Sumiyoshi 2-13-5",
        "本人：Hamamatsu-shi Naka-ku Sumiyoshi 2-13-5",
        "・Takatsuka-cho, Chuo-ku 090-1234-5678",
        "Resident: Kamo-gun Yaotsu-machi",
        "Tenant: Toyohashi City, Aichi Prefecture",
        "",
        "通訳：Ngày sinh của chị ạ?",  # Vietnamese for "date (of birth)"
        'Consultante: "Buenas tardes"',  # Spanish for the caller
    ],
)
def test_when_latin_words_are_not_introduced_as_a_name_then_nothing(text: str) -> None:
    assert _names(text) == []


@pytest.mark.parametrize(
    ("text", "least", "most"),
    [
        ("申込者：カルナラトネ様（KARUNARATNE Ishan）", 0.45, 0.45),
        ("NHK World", 0.4, 0.4),
        ("MUSIC FES With RACo", 0.0, 0.0),
    ],
)
def test_a_shape_alone_scores_more_only_for_one_long_family_in_capitals(
    text: str, least: float, most: float
) -> None:
    scores = [c.score for c in latin_name_candidates(text)] or [0.0]
    assert least <= max(scores) <= most
