"""Staff names after a record's mark and in an interpreter's introduction (no model needed)."""

from __future__ import annotations

import pytest

from recognizers.person.staff_names import role_at_edge, staff_name_candidates

#: what the dictionary or the tokenizer would call a name or a place in these texts
NAMES = frozenset(
    {"秋月", "堀之内", "安達", "山ノ内", "千葉", "陳", "入江", "小池", "田村", "柘植", "ミナミ"}
    | {"森", "西", "中"}
)
ROMAJI_SURNAMES = frozenset({"Okada", "Kawano", "Ishikawa", "Yamane", "Ogawa", "You"})
PLACES = frozenset({"千葉県", "ベトナム", "大阪市"})


def _found(text: str) -> list[str]:
    def is_name(start: int, end: int) -> bool:
        return text[start:end] in NAMES

    def is_place(start: int, end: int) -> bool:
        return text[start:end] in PLACES

    found = staff_name_candidates(text, is_name, is_place, ROMAJI_SURNAMES.__contains__)
    return [text[c.start : c.end] for c in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("‖ 管理会社 ‖ 松井不動産 北山店\u3000担当 秋月 ‖", ["秋月"]),
        ("折り返し一覧（R6.12.2 月）作成 堀之内\u3000確認 安達班長\n#1", ["堀之内", "安達"]),
        ("コールバック待ち 2024/05/17 集計 山ノ内\n・Tran Thi Lan", ["山ノ内"]),
        ("チケット：W-26-3390 / 起票 12/2 OP 千葉\nお客様番号", ["千葉"]),
        ("通訳：通訳のレです。よろしくお願いします。", ["レ"]),
        ("通訳：タガログ語通訳のマリセルです。", ["マリセル"]),
        ("通訳：ネパール語通訳のGurungです。", ["Gurung"]),
        ("ネパール語通訳（タパ通訳員）経由\u3000課税証明書", ["タパ"]),
        ("中国語通訳の陳と申します", ["陳"]),
        # a role before the name (a case record's people), any particle after it
        ("訪問者：包括支援センター 社会福祉士 入江、民生委員", ["入江"]),
        ("大家の小池に確認したところ", ["小池"]),
        ("同行：保健師 田村", ["田村"]),
        ("19:05 オペレーターミナミ：ありがとうございます", ["ミナミ"]),
        # a one-kanji surname alone after a mark
        ("通話要旨　対応 森\n相談者", ["森"]),
        ("手数料 600円　確認者：西　入力", ["西"]),
        # a title glued after a surname
        ("市民課 証明係 柘植係長に確認済", ["柘植"]),
        # English and Portuguese staff words before a romaji surname
        ("Operator: Okada (desk 5)", ["Okada"]),
        ("funcionária bilíngue Kawano", ["Kawano"]),
        ("Callback owed, desk 4 Ishikawa", ["Ishikawa"]),
        ("Agent: You're welcome. 担当 Yamane でした。", ["Yamane"]),  # not "You"
        ("窓口 Ogawa: Hello!", ["Ogawa"]),
        ("【通訳を介した電話】\n通訳（シルバ）：ご本人は", ["シルバ"]),
    ],
)
def test_when_a_record_mark_or_an_interpreter_names_staff_then_the_name_is_found(
    text: str, expected: list[str]
) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "確認 済\n受付 窓口\n対応 中",  # ordinary words after the marks
        "担当 福祉課へ回付",
        "確認 千葉県の事業者",  # a place, not a person
        "未確認 堀之内",  # the mark is part of a longer word
        "通訳のボランティアです。通訳の手配です。",
        "ベトナム語通訳員が同席",  # a language before the title
        "通訳のベトナムです",
        "職員の対応が悪い。医師の診断書。担任の先生。",  # a role before an ordinary word
        "保険年金課長に報告",  # a department before the title, no name
        "対応 中\n確認 済",  # one kanji a mark is often followed by, even a surname (中)
        "対応 森林組合",  # the kanji opens a longer word
        "大家の千葉県の物件",  # a place after the role
        "Operator: Please hold",  # a Latin word that is no surname
        "Operator Okadaya",  # nor a longer word that starts like one
    ],
)
def test_when_no_staff_name_follows_the_mark_then_nothing(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "outer", "inner", "expected"),
    [
        ("同行：保健師 田村、", (3, 9), (7, 9), True),  # the role word before it
        ("柘植係長に確認", (0, 3), (0, 2), True),  # the start of the title after it
        ("担当：秋月", (0, 5), (3, 5), True),  # a record's mark before it
        ("山田太郎様", (0, 4), (0, 2), False),  # a given name, not a role
        ("山田係員", (0, 3), (0, 2), False),  # 係 starts no title that follows here
        ("保健師 田村", (4, 6), (4, 6), False),  # the same span
    ],
)
def test_role_at_edge_tells_a_role_taken_in_from_a_name_part(
    text: str, outer: tuple[int, int], inner: tuple[int, int], expected: bool
) -> None:
    assert role_at_edge(text, outer, inner) is expected
