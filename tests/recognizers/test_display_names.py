"""Chat participants' display names, by the shape of the log (pure text, no model)."""

from __future__ import annotations

import pytest

from recognizers.dialogue import SPEAKER_WORDS
from recognizers.person.display_names import display_name_candidates


def _speaker(word: str) -> bool:
    return any(word.startswith(w) for w in SPEAKER_WORDS)


def _names(text: str) -> list[str]:
    return [
        text[c.start : c.end]
        for c in display_name_candidates(text, _speaker, {"匿名希望"}.__contains__)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an emoji glued to the name; the city's account takes the other turns
        (
            "21:03 ゆうママ🌸：こんばんは\n21:03 相模原市：ありがとうございます\n"
            "09:40 ゆうママ🌸：はい",
            ["ゆうママ", "ゆうママ"],
        ),
        # LINE's export: the name, then the time, on a line of their own
        (
            "ひかる⚡️ 14:22\nｶｰﾄﾞの予約\n予約センター 14:23\nはい\nひかる⚡️ 14:25\n番号",
            ["ひかる", "ひかる"],
        ),
        # several words; the other side labelled as no pattern reads, so three messages
        (
            "Nguyễn Thị Mai: xin chào\nNguyễn Thị Mai: 保険証\n市（国保年金課）: はい\n"
            "Nguyễn Thị Mai: ok",
            ["Nguyễn Thị Mai"] * 3,
        ),
        # the note says which label is the resident's: it counts however few messages
        (
            "LINE通報\n表示名：Hiro.K\n返信（道路維持課）：お名前を\nHiro.K：北村です",
            ["Hiro.K", "Hiro.K"],
        ),
        ("相談者返信（LINE, 表示名 ken_w🍓）:\nken_w: 番号は", ["ken_w", "ken_w"]),
    ],
)
def test_a_label_that_takes_turns_in_a_chat_is_a_display_name(
    text: str, expected: list[str]
) -> None:
    assert _names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # speaker words, the city's side, bots and unnamed participants
        "10:05 相談者：質問です\n10:06 オペレーター：はい\n10:07 相談者：はい",
        "あなた：スプレー缶\nボット：有害ごみです\nあなた：ｶﾞｽﾎﾞﾝﾍﾞは？\nボット：同じです",
        "09:31 ゲスト：引越しで\n09:33 環境局：はい\n09:34 ゲスト：収集日は",
        "話者A：もしもし\n話者B：はい\n話者A：あの\n話者B：どうぞ",
        "保健師：江口さん\n母：はい\n保健師：確認します\n母：お願いします",  # staff, a relation
        'Consultante: "Hola"\nIntérprete: ok\nConsultante: "Mi hija"',
        "08:12 匿名希望さん：苦情です\n08:13 市：はい\n08:14 匿名希望さん：ゴミ",
        "ｵﾍﾟﾚｰﾀｰ：ご用件は\n山田：水道\nｵﾍﾟﾚｰﾀｰ：はい",  # the name said once is left to others
        # a form's fields, each once, or repeated field words
        "氏名：山田花子\n電話：090-1234-5678\n電話：03-1234-5678",
        # an exported record's keys, quoted, and a desk's English account name
        '{"form":"contact",\n "name":"長谷川 まどか",\n "email":"m@x.jp"}\n'
        '{"form":"contact",\n "name":"匿名","email":""}',
        "Desk: こんにちは\nJ: hi\nDesk: ok\nJ: thanks",
        "表示名：匿名希望\n市：はい",  # a stated display name that names nobody
        "",
    ],
)
def test_when_no_resident_labels_their_messages_then_nothing(text: str) -> None:
    assert _names(text) == []
