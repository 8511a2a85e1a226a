"""JpDateOfBirthRecognizer: every calendar form, real dates only, and the birth signal decides."""

from __future__ import annotations

from datetime import date

import pytest

from recognizers.jp_date_of_birth_recognizer import JpDateOfBirthRecognizer, era_to_date

ENTITY = "DATE_OF_BIRTH"
THRESHOLD = 0.5
TODAY = date(2024, 12, 1)


@pytest.fixture(scope="module")
def rec() -> JpDateOfBirthRecognizer:
    return JpDateOfBirthRecognizer(today=lambda: TODAY)


def reported(rec: JpDateOfBirthRecognizer, text: str) -> list[str]:
    return [
        text[r.start : r.end] for r in rec.analyze(text, [ENTITY], None) if r.score >= THRESHOLD
    ]


@pytest.mark.parametrize(
    ("era", "year", "month", "day", "expected"),
    [
        ("昭和", "45", 3, 2, date(1970, 3, 2)),
        ("S", "45", 3, 2, date(1970, 3, 2)),
        ("平成", "元", 1, 8, date(1989, 1, 8)),
        ("令和", "元", 5, 1, date(2019, 5, 1)),
        ("大正", "15", 1, 9, date(1926, 1, 9)),
        ("昭和", "64", 1, 7, date(1989, 1, 7)),
        ("昭和", "64", 1, 8, None),  # 平成 had begun
        ("令和", "元", 4, 30, None),  # still 平成
        ("平成", "32", 1, 1, None),  # 平成 ended in its 31st year
        ("昭和", "45", 2, 30, None),
        ("昭和", "0", 3, 2, None),
        (None, "1976", 2, 29, date(1976, 2, 29)),
        (None, "1977", 2, 29, None),
    ],
)
def test_era_dates_convert_only_inside_their_era(
    era: str | None, year: str, month: int, day: int, expected: date | None
) -> None:
    assert era_to_date(era, year, month, day) == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("生年月日：昭和45年3月2日\n住所：北区", "昭和45年3月2日"),
        ("生年月日：S45.3.2", "S45.3.2"),
        ("生年月日：H1.3.31\n電話：", "H1.3.31"),
        ("生年月日は1970/03/02です", "1970/03/02"),
        ("生年月日：1976年2月29日", "1976年2月29日"),
        ("生年月日：昭和四十九年七月八日", "昭和四十九年七月八日"),
        ("生年月日：１９６２／０４／３０", "１９６２／０４／３０"),
        ("生年月日は平成元年1月8日です", "平成元年1月8日"),
        ("誕生日は3月2日です", "3月2日"),
        ("子は蒼くん、令和6年10月3日生まれ。", "令和6年10月3日"),
        ("扶養している長男はH17.11.22生まれとのこと", "H17.11.22"),
        ("高橋 健一様（昭和32年6月14日生）。", "昭和32年6月14日"),
        ("藤田 光子様、1958/11/27生。", "1958/11/27"),
        ("昭和45年3月生まれの方", "昭和45年3月"),
        ("1970-03-02生まれ", "1970-03-02"),
        ("吉田 正雄（S10.2.3）", "S10.2.3"),
        ("高橋 健一様（昭和32年6月14日、72歳）", "昭和32年6月14日"),
        ("お名前と生年月日をお願いします 大野ひなたで 令和6年11月8日です", "令和6年11月8日"),
        ("母は ふくだきみこ 昭和12年の4月15日 です", "昭和12年の4月15日"),
        ("お名前は ささきりょうた 平成5年7月3日", "平成5年7月3日"),
    ],
)
def test_birth_dates_are_found_in_every_calendar(
    rec: JpDateOfBirthRecognizer, text: str, value: str
) -> None:
    assert reported(rec, text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "12月3日に来庁予定です",
        "支払期限は3月31日です",
        "令和6年4月から保険料が変わります",
        "令和6年4月1日から保険料が変わります",
        "受付日：2024/11/21",
        "申請日（令和6年4月1日）に受付",
        "納期限は 令和6年11月25日 です",
        "父は昭和16年8月30日に死亡",
        "生年月日を確認し、令和6年11月3日に来庁されました",
        "収集日は12月10日火曜日になります",
        "住所 北区本庄東1-12-4",
        "電話 2024-1234",
        "令和6年11月8日",
    ],
)
def test_dates_without_a_birth_signal_are_not_reported(
    rec: JpDateOfBirthRecognizer, text: str
) -> None:
    assert reported(rec, text) == []


def test_a_date_of_death_next_to_a_birth_date_is_not_a_birth_date(
    rec: JpDateOfBirthRecognizer,
) -> None:
    text = "被相続人 吉田 正雄（S10.2.3生、R6.9.1死亡）"
    assert reported(rec, text) == ["S10.2.3"]


def test_a_birth_label_vouches_only_for_the_next_date(rec: JpDateOfBirthRecognizer) -> None:
    text = "生年月日 H17.11.22 住所 北区1-2-3 受付 R6.11.20"
    assert reported(rec, text) == ["H17.11.22"]


def test_a_birth_label_on_the_previous_line_does_not_count(rec: JpDateOfBirthRecognizer) -> None:
    assert reported(rec, "生年月日：\n受付：令和6年11月20日") == []


@pytest.mark.parametrize(
    "text",
    [
        "生年月日は昭和45年2月30日です",
        "生年月日は昭和64年1月8日です",
        "生年月日は令和元年4月1日です",
        "生年月日は令和7年1月1日です",  # after today
        "誕生日は2月30日です",
        "生年月日：S45.13.2",
        "生年月日：1800/01/01",
    ],
)
def test_impossible_dates_are_dropped(rec: JpDateOfBirthRecognizer, text: str) -> None:
    assert rec.analyze(text, [ENTITY], None) == []


def test_the_clock_is_injected_so_a_future_date_depends_on_today() -> None:
    text = "生年月日は令和7年1月1日です"
    later = JpDateOfBirthRecognizer(today=lambda: date(2025, 6, 1))
    assert reported(later, text) == ["令和7年1月1日"]


@pytest.mark.parametrize(
    "spoken",
    [
        "生年月日は しょうわじゅうさんねんの、しがつ、にじゅういちにち です",
        "生年月日は昭和十七年の、九月の、えーと、二十三日です",
    ],
)
def test_when_a_birth_date_is_read_out_with_pauses_then_it_is_one_span(spoken: str) -> None:
    results = JpDateOfBirthRecognizer().analyze(spoken, ["DATE_OF_BIRTH"])
    assert len(results) == 1
    value = spoken[results[0].start : results[0].end]
    assert value.startswith(("しょうわ", "昭和")) and value.endswith(("にち", "日"))
    assert results[0].score >= 0.5


def test_when_the_previous_turn_asked_the_birth_date_then_a_typed_date_counts() -> None:
    note = "オペ：生年月日をお願いします\n相談者：えっと、昭和52年8月3日です\nオペ：はい"
    results = JpDateOfBirthRecognizer().analyze(note, ["DATE_OF_BIRTH"])
    assert [note[r.start : r.end] for r in results if r.score >= 0.5] == ["昭和52年8月3日"]


def test_when_the_previous_turn_asked_a_due_date_then_a_date_is_not_a_birth_date() -> None:
    note = "オペ：お支払期限は\n相談者：令和6年8月3日です\nオペ：はい"
    results = JpDateOfBirthRecognizer().analyze(note, ["DATE_OF_BIRTH"])
    assert all(r.score < 0.5 for r in results)


@pytest.mark.parametrize(
    ("note", "value"),
    [
        ("DOB: 27 March 1991", "27 March 1991"),
        ("Date of birth: Nov 3, 1990", "Nov 3, 1990"),
        ("Fecha de nacimiento 9 de abril de 2007", "9 de abril de 2007"),
        ("DOB 22/10/1988, passport TK1234567", "22/10/1988"),
        # the year first, an ordinal with "of"; labels in the callers' languages
        ("Birthday 2022, July 18.", "2022, July 18"),
        ("Her birthday is the 3rd of March, 1990.", "3rd of March, 1990"),
        ("Ngày sinh: 22/11/1987", "22/11/1987"),
        ("生日：1987年11月22日", "1987年11月22日"),
        # a scanned form's era chosen by circling it: the circle is part of the date
        ("生年月日 | 昭・平・令（平）元年 8月 3 0日", "（平）元年 8月 3 0日"),
        ("生年月日 昭和・平成（○昭和）52年 8月 3日", "（○昭和）52年 8月 3日"),
        ("生年月日　□明治 □大正 ■昭和 □平成　51年 4月 3日", "■昭和 □平成　51年 4月 3日"),
        # a Nepali resident's Bikram Sambat date, and an era in romaji
        ("Usko janma miti... 2052 saal Kartik 15.", "2052 saal Kartik 15"),
        ("Chhori ko naam Srishti. Janma 2021 saal June 9.", "2021 saal June 9"),
        ("DOB: Heisei 10-nen 3-gatsu 29-nichi", "Heisei 10-nen 3-gatsu 29-nichi"),
        ("Date of birth: Showa 12, March 20", "Showa 12, March 20"),
        # Tagalog, Indonesian and French months; a label in any case; 22-Nov-1987
        ("Ipinanganak ako noong Nobyembre 22, 1987.", "Nobyembre 22, 1987"),
        ("Saya lahir tanggal 22 Maret 1987.", "22 Maret 1987"),
        ("Date de naissance : 22 novembre 1987", "22 novembre 1987"),
        ("メモ：fecha de nacimiento: 3 de marzo de 1990", "3 de marzo de 1990"),
        ("DOB 22-Nov-1987", "22-Nov-1987"),
        # day first with dots; a Tagalog ordinal; a Nepali month in katakana; 出生 after
        ("DOB: 22.11.1987", "22.11.1987"),
        ("Ako ay ipinanganak noong ika-22 ng Nobyembre, 1987.", "ika-22 ng Nobyembre, 1987"),
        ("通訳：ネパールの暦で生年月日は2052年カルティク月15日です", "2052年カルティク月15日"),
        ("「我是一九八七年十一月二十二日出生的。」", "一九八七年十一月二十二日"),
        # a Chinese day counted with 号; a Thai date in the Buddhist era
        ("「孩子是二〇二三年十月五号出生的」", "二〇二三年十月五号"),
        ("「ฉันเกิดวันที่ 12 มีนาคม 2533」", "12 มีนาคม 2533"),
        # the year alone, said as a birth's
        ("孫 翔太（平成6年生）", "平成6年"),
        ("母は昭和15年生まれです", "昭和15年"),
        # a kana label; blanks between numbers and counters
        (
            "たんじょうびは しょうわよんじゅうにねん はちがつふつか です",
            "しょうわよんじゅうにねん はちがつふつか",
        ),
        (
            "生年月日は しょうわ よんじゅうに ねん はちがつ ふつか です",
            "しょうわ よんじゅうに ねん はちがつ ふつか",
        ),
        # になって is no other date's に
        ("母子手帳の生年月日のとこ、R6.2.28になってますが", "R6.2.28"),
        # a scan's blanks around the dots, O for 0
        ("生年月日　H3 . O6 . 3O", "H3 . O6 . 3O"),
        ("生年月日 1990 / 1 / 2", "1990 / 1 / 2"),
    ],
)
def test_when_a_birth_date_is_written_the_foreign_way_then_it_is_found(
    note: str, value: str
) -> None:
    results = JpDateOfBirthRecognizer().analyze(note, ["DATE_OF_BIRTH"])
    assert [note[r.start : r.end] for r in results if r.score >= 0.5] == [value]


@pytest.mark.parametrize(
    "note",
    [
        "Appointment on 12 May 2025",
        "DOB: 31/02/1990",
        "Due Nov 31, 2024",
        "Visit 2024, July 18.",
        "生年月日 2052 saal Kartik 40",  # no such day
        "DOB: Heisei 32-nen 1-gatsu 1-nichi",  # 平成 ended in its 31st year
        "Meeting 2024 saal June 9",
        "生年月日 （平）32年 1月 1日",  # 平成 ended in its 31st year
        "Appointment 22-Nov-2024 at 10:00",
        "Saya datang tanggal 22 Maret 2024.",  # a visit, no birth label
        "Visit on 22.11.2024",  # a visit's date
        "DOB: 31.02.1990",  # no such day
        "会议在2024年3月5号举行",  # a Chinese date with no birth word
        "令和6年度生活保護",  # a fiscal year
        "平成32年生まれ",  # 平成 ended in its 31st year
        "ฉันเกิดวันที่ 31 กุมภาพันธ์ 2533",  # no 31 February
    ],
)
def test_when_a_foreign_date_is_no_birth_date_or_no_date_then_nothing(note: str) -> None:
    results = JpDateOfBirthRecognizer().analyze(note, ["DATE_OF_BIRTH"])
    assert [r for r in results if r.score >= 0.5] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a table row: the date's column header says what it is
        (
            " | 氏名 | 続柄 | 生年月日 | 同居 |\n | 大野 陽翔 | 長男 | R2.06.09 | ☑ |\n"
            " | 大野 凛 | 長女 | R5.01.27 | ☑ |",
            ["R2.06.09", "R5.01.27"],
        ),
        ("| 氏名 | 受付日 |\n| 山田 | R5.01.27 |", []),
        # the year glossed in the other calendar
        ("生年月日：1978年（昭和53年）8月5日\n", ["1978年（昭和53年）8月5日"]),
        # Korean counters
        ("생년월일은 1993년 4월 27일이요", ["1993년 4월 27일"]),
        # a speaker label after the date is the next turn, not the date's "受付"
        (
            "受付：お名前は お客様：坂巻 俊介 受付：坂巻 俊介様、生年月日は お客様：1990年3月14日 "
            "受付：ありがとうございます",
            ["1990年3月14日"],
        ),
    ],
)
def test_when_a_birth_date_is_labelled_by_a_column_gloss_or_language_then_it_is_found(
    text: str, expected: list[str]
) -> None:
    rec = JpDateOfBirthRecognizer()
    found = [text[r.start : r.end] for r in rec.analyze(text, ["DATE_OF_BIRTH"]) if r.score >= 0.5]
    assert found == expected


def test_a_taiwanese_date_answering_a_birth_question_is_found() -> None:
    text = "職員：生年月日を。\n本人：民國78年6月3日。\n職員：ありがとうございます\n本人：はい"
    rec = JpDateOfBirthRecognizer()
    found = [(text[r.start : r.end], r.score) for r in rec.analyze(text, ["DATE_OF_BIRTH"])]
    assert [f for f, s in found if s >= 0.5] == ["民國78年6月3日"]
    assert rec.parse("民國78年6月3日") == date(1989, 6, 3)


def test_dates_listed_after_a_birth_date_are_birth_dates_too() -> None:
    text = (
        "子ども3人の生年月日を読み上げ:\n"
        "「上が2018年5月3日、真ん中が2020年の、7月9日、下が令和5年2月1日です」"
    )
    found = reported(JpDateOfBirthRecognizer(), text)
    assert found == ["2018年5月3日", "2020年の、7月9日", "令和5年2月1日"]


def test_a_date_after_a_birth_date_with_only_a_pause_between_is_not_listed() -> None:
    text = "生年月日 昭和50年1月2日、令和6年4月1日転入"
    assert reported(JpDateOfBirthRecognizer(), text) == ["昭和50年1月2日"]


@pytest.mark.parametrize(
    "note",
    [
        # a note's header stamp: a clock time or a weekday after the date, a desk before it
        "[留守番電話 受信 2024/11/08 19:42 音声認識テキスト]\nあの 名前は",
        "[Webチャット] 環境局 ごみ・リサイクル相談　2024/08/19\n09:31 ゲスト：引越しで",
        "窓口メモ　こども支援課　R6.8.19\n出生届済（戸籍係から回付）",
        "上下水道局 折り返し一覧（R6.12.2 月）作成",
    ],
)
def test_when_a_date_stamps_the_note_then_it_is_no_birth_date(
    rec: JpDateOfBirthRecognizer, note: str
) -> None:
    assert reported(rec, note) == []


def test_a_date_said_after_a_name_still_reads_as_the_birth_date(
    rec: JpDateOfBirthRecognizer,
) -> None:
    assert reported(rec, "母は ふくだきみこ 昭和12年の4月15日 です") == ["昭和12年の4月15日"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the era printed as a list to circle, the circle lost in the scan
        ("生年月日 明・大・昭・平・令 55 年 7 月 19 日", "明・大・昭・平・令 55 年 7 月 19 日"),
        ("生年月日 昭・平 5年 2月 28日", "昭・平 5年 2月 28日"),
        # ticked among ☐ boxes; an era by its first kanji; blanks after the dots
        ("生年月日 ☐明治 ☐大正 ☑昭和 ☐平成 52年 8月 3日", "☑昭和 ☐平成 52年 8月 3日"),
        ("生年月日 昭52.8.3", "昭52.8.3"),
        ("生年月日 昭和52.8.3", "昭和52.8.3"),
        ("生年月日 H12. 3. 29", "H12. 3. 29"),
        # eight digits, as a system exports them; a heading spread over its box
        ("生年月日 19871122", "19871122"),
        ("生 年 月 日　昭和52年8月3日", "昭和52年8月3日"),
        ("生年月日 2015(H27)年5月1日", "2015(H27)年5月1日"),
    ],
)
def test_when_a_form_writes_a_birth_date_its_own_way_then_it_is_found(
    rec: JpDateOfBirthRecognizer, text: str, value: str
) -> None:
    assert reported(rec, text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "受付日 19871122",  # eight digits under another date's label
        "生年月日 19871322",  # no 13th month
        "生年月日 昭・平 65年 1月 1日",  # neither era had a 65th year
        "東大52.8.3",  # 大 ends a word: no era
        "口座番号 19871122",
        "受付 R6. 3. 29",
    ],
)
def test_when_a_form_date_is_no_birth_date_then_nothing(
    rec: JpDateOfBirthRecognizer, text: str
) -> None:
    assert reported(rec, text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a number begun and dropped, a year said twice, an era taken back: one span
        (
            "生年月日は、しょうわ、さんじゅう…さんじゅうはちねん、じゅういちがつ、にじゅうよっか",
            "しょうわ、さんじゅう…さんじゅうはちねん、じゅういちがつ、にじゅうよっか",
        ),
        (
            "生年月日は えっと、しょうわ、じゅうさんねん…十三年の、はちがつ、にじゅうににち。",
            "しょうわ、じゅうさんねん…十三年の、はちがつ、にじゅうににち",
        ),
        (
            "生年月日：昭和、あ、すみません、大正じゃないな、昭和6年の、3月の、21日。",
            "昭和、あ、すみません、大正じゃないな、昭和6年の、3月の、21日",
        ),
    ],
)
def test_when_a_birth_date_is_corrected_as_it_is_said_then_it_is_one_span(
    rec: JpDateOfBirthRecognizer, text: str, value: str
) -> None:
    assert reported(rec, text) == [value]


@pytest.mark.parametrize(
    "text",
    [
        "昭和の頃はね、よく来てたのよ。受付 令和6年8月3日",  # an era's talk, then another date
        "生年月日 昭和、あ、すみません、昭和65年1月1日",  # no such year: nothing
        "平成、いや令和6年8月3日に申請",  # corrected, but an application's date
    ],
)
def test_when_a_corrected_date_is_none_or_no_birth_date_then_nothing(
    rec: JpDateOfBirthRecognizer, text: str
) -> None:
    assert reported(rec, text) == []
