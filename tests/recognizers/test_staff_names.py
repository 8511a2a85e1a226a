"""Staff names after a record's mark and in an interpreter's introduction (no model needed)."""

from __future__ import annotations

import pytest

from recognizers.person.staff_names import staff_name_candidates

#: what the dictionary or the tokenizer would call a name or a place in these texts
NAMES = frozenset({"秋月", "堀之内", "安達", "山ノ内", "千葉", "陳"})
PLACES = frozenset({"千葉県", "ベトナム", "大阪市"})


def _found(text: str) -> list[str]:
    def is_name(start: int, end: int) -> bool:
        return text[start:end] in NAMES

    def is_place(start: int, end: int) -> bool:
        return text[start:end] in PLACES

    return [text[c.start : c.end] for c in staff_name_candidates(text, is_name, is_place)]


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
    ],
)
def test_when_no_staff_name_follows_the_mark_then_nothing(text: str) -> None:
    assert _found(text) == []
