"""The dialogue layer on its own: turns, speaker labels, what each answer answers (no model)."""

from __future__ import annotations

import pytest

from recognizers.dialogue import dialogue_of, topics_in

TRANSCRIPT = (
    "オペ：お名前をお願いします。\n"
    "相談者：はい、えっと田中です。\n"
    "オペ：お電話番号は\n"
    "相談者：090の1234の5678です\n"
    "オペ：090-1234-5678ですね\n"
    "相談者：はい"
)


def test_when_labels_repeat_then_the_note_is_a_transcript_of_six_turns() -> None:
    d = dialogue_of(TRANSCRIPT)
    assert [t.speaker for t in d.turns] == ["オペ", "相談者"] * 3
    assert d.turns[0].asks == ("PERSON",)
    assert d.turns[2].asks == ("PHONE_NUMBER",)


def test_when_a_turn_asks_then_the_next_turns_answer_it() -> None:
    d = dialogue_of(TRANSCRIPT)
    assert d.expected_at(TRANSCRIPT.index("田中")) == ("PERSON",)
    assert d.expected_at(TRANSCRIPT.index("090")) == ("PHONE_NUMBER",)
    # the operator's read-back answers the same question
    assert d.expected_at(TRANSCRIPT.rindex("090")) == ("PHONE_NUMBER",)


def test_when_a_label_is_a_speaker_then_it_is_no_field() -> None:
    d = dialogue_of(TRANSCRIPT)
    at = TRANSCRIPT.index("相談者")
    assert d.is_speaker_label(at, at + 4)
    assert not d.is_speaker_label(TRANSCRIPT.index("田中"), TRANSCRIPT.index("田中") + 2)


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        ("A: お名前は？ B: 鈴木です A: ありがとうございます", ["A", "B", "A"]),
        (
            "【オペレーター】ご住所を\n【お客様】札幌市\n【オペレーター】はい",
            ["オペレーター", "お客様", "オペレーター"],
        ),
        ("職員「お名前を」市民「田中です」職員「はい」", ["職員", "市民", "職員"]),
        (
            "[10:02] 利用者: こんにちは\n[10:03] 担当: お名前を\n[10:04] 利用者: 山田",
            ["利用者", "担当", "利用者"],
        ),
        ("話者1：もしもし\n話者2：はい市役所です\n話者1：あの", ["話者1", "話者2", "話者1"]),
        ("OP> ご用件は\n客> 水道の件で", ["OP", "客"]),
        # a chat window's bracketed speaker with its department
        (
            "10:05 相談者：質問です\n10:06 [オペレーター 資産税課]：はい\n10:07 相談者：はい",
            ["相談者", "オペレーター", "相談者"],
        ),
        # only the resident's label is known, but the clock stamps every line: a chat
        (
            "10:05 相談者：質問です\n10:09 相談者：はい\n10:10 相談者：土地が2か所",
            ["相談者", "相談者", "相談者"],
        ),
    ],
)
def test_when_any_common_label_convention_then_turns_are_found(
    text: str, speakers: list[str]
) -> None:
    assert [t.speaker for t in dialogue_of(text).turns] == speakers


@pytest.mark.parametrize(
    "text",
    [
        "相談者：山田花子\n電話：090-1234-5678\n受付：佐藤",  # a call record's fields
        "相談者：匿名希望\n内容：騒音",
        "10:05 相談者：山田花子\n電話：090-1234-5678",  # one stamped label is no chat
        "[画像]\n[受信 10/21 18:27] 竹之内",  # brackets without a speaker word
        "氏名：森川 大輔　電話：072-221-8804",
        "えっと たかはしです 番号は 090 です",  # no labels at all
        "",
    ],
)
def test_when_labels_do_not_repeat_then_the_note_is_not_a_transcript(text: str) -> None:
    assert not dialogue_of(text).is_transcript


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        ("お名前と生年月日をお願いします", ("PERSON", "DATE_OF_BIRTH")),
        ("ご連絡先のお電話番号は", ("PHONE_NUMBER",)),
        ("受付番号は", ()),
        ("基礎年金番号をお願いします", ("PENSION_NUMBER",)),
        ("ゆうちょの記号番号を", ("BANK_ACCOUNT",)),  # a passbook's pair
        ("保険証と、ゆうちょの記号番号を", ("HEALTH_INSURANCE_NUMBER", "BANK_ACCOUNT")),
        ("年金の番号を", ("PENSION_NUMBER",)),
        ("被保険者証の右上の番号", ("HEALTH_INSURANCE_NUMBER",)),
        ("本日はどうされましたか", ()),
    ],
)
def test_topics_are_the_labels_a_question_names(text: str, topics: tuple[str, ...]) -> None:
    assert topics_in(text) == topics


def test_when_the_same_turn_names_another_topic_then_it_wins() -> None:
    text = "オペ：お名前を\n客：田中です\nオペ：口座番号は\n客：はい、口座番号は1234567です"
    d = dialogue_of(text)
    assert d.expected_at(text.index("1234567")) == ("BANK_ACCOUNT",)


_UNLABELLED = (
    "お電話ありがとうございます市役所コールセンターでございます\n"
    "あのね、国保の保険料が二重に引かれてるみたいで\n"
    "確認いたしますので、お名前を伺ってもよろしいですか\n"
    "わたなべ、渡邉 キヨ\n"
    "渡邉キヨ様、生年月日をお願いします\n"
    "しょうわにねんの、はちがつ、じゅうごにち\n"
    "昭和2年8月15日ですね、ありがとうございます\n"
)


def test_when_a_call_is_written_a_turn_a_line_without_labels_then_lines_are_turns() -> None:
    d = dialogue_of(_UNLABELLED)
    assert d.is_transcript
    assert len(d.turns) == 7
    assert d.expected_at(_UNLABELLED.index("わたなべ")) == ("PERSON",)
    assert d.expected_at(_UNLABELLED.index("しょうわ")) == ("DATE_OF_BIRTH",)
    # no label: nothing is a speaker label
    assert not d.is_speaker_label(0, 3)


@pytest.mark.parametrize(
    "text",
    [
        # a form: most lines are fields
        "氏名：山田 花子\n住所：大阪市北区\n電話：06-1234-5678\n生年月日：S50.1.1\n"
        "用件：転入ですか\n備考：ご確認ください\n",
        # a letter: few lines ask anything
        "いつもお世話になっております。\n先日の件です。\nよろしくお願いします。\n"
        "山田\n大阪市\n以上\n",
        # too few lines
        "お名前をお願いします\n山田です\nご住所をお願いできますか\n",
    ],
)
def test_when_lines_do_not_read_as_talk_then_no_unlabelled_turns(text: str) -> None:
    assert not dialogue_of(text).is_transcript


def test_when_short_unknown_labels_take_turns_then_they_are_speakers() -> None:
    text = "オ：お名前をお願いします\n住：長内です\nオ：ご住所は\n住：下白銀町\n"
    d = dialogue_of(text)
    assert [t.speaker for t in d.turns] == ["オ", "住", "オ", "住"]
    assert d.expected_at(text.index("下白銀町")) == ("ADDRESS",)


def test_when_labels_name_fields_once_each_then_no_generic_turns() -> None:
    text = "氏名：山田 花子\n住所：大阪市\n電話：06-1234-5678\n備考：なし\n"
    assert not dialogue_of(text).is_transcript


def test_when_every_message_is_stamped_then_any_sender_label_is_a_speaker() -> None:
    text = (
        "[10:01] 市（国保年金課）：保険証の記号と番号を教えてください\n"
        "[10:02] さとう🍀：12-3456\n[10:03] 市（国保年金課）：ありがとうございます"
    )
    d = dialogue_of(text)
    assert [t.speaker for t in d.turns] == ["市（国保年金課）", "さとう🍀", "市（国保年金課）"]
    assert "HEALTH_INSURANCE_NUMBER" in d.expected_at(text.index("12-3456"))


def test_when_stamped_lines_are_one_log_of_one_field_then_no_turns() -> None:
    text = "10:01 受付：電話あり\n10:05 受付：折返し\n10:09 受付：完了\n"
    assert [t.speaker for t in dialogue_of(text).turns] in ([], ["受付", "受付", "受付"])
    text = "[10:01] 氏名：山田\n[10:02] 住所：大阪市\n[10:03] 電話：06-1234-5678\n"
    assert not dialogue_of(text).is_transcript
