"""A number typed over several chat messages is joined and validated whole."""

from __future__ import annotations

from recognizers.jp_my_number_recognizer import JpMyNumberRecognizer
from recognizers.jp_phone_recognizer import JpPhoneRecognizer
from recognizers.split_values import split_runs

_CHAT = (
    "オペレーター> マイナンバーをご入力いただけますか\n"
    "ユーザー> ３５５０\nユーザー> ７１７２\nユーザー> ９９４２\n"
    "オペレーター> ありがとうございます\n"
)


def test_consecutive_digit_messages_of_one_speaker_form_one_run() -> None:
    runs = split_runs(_CHAT)
    assert [digits for digits, _ in runs] == ["355071729942"]
    assert [_CHAT[s:e] for s, e in runs[0][1]] == ["３５５０", "７１７２", "９９４２"]


def test_a_my_number_typed_over_messages_is_found_piece_by_piece() -> None:
    rec = JpMyNumberRecognizer()
    found = [_CHAT[r.start : r.end] for r in rec.analyze(_CHAT, ["MY_NUMBER"]) if r.score >= 0.5]
    assert found == ["３５５０", "７１７２", "９９４２"]


def test_when_the_joined_digits_fail_the_check_then_nothing() -> None:
    text = _CHAT.replace("９９４２", "９９４３")
    rec = JpMyNumberRecognizer()
    assert [r for r in rec.analyze(text, ["MY_NUMBER"]) if r.score >= 0.5] == []


def test_when_the_note_never_speaks_of_the_my_number_then_nothing() -> None:
    text = _CHAT.replace("マイナンバー", "お客様番号")
    rec = JpMyNumberRecognizer()
    assert [r for r in rec.analyze(text, ["MY_NUMBER"]) if r.score >= 0.5] == []


def test_digits_of_two_speakers_are_two_runs_or_none() -> None:
    text = "A: 3550\nB: 7172\nA: 9942\nB: はい\n"
    assert split_runs(text) == []


_PHONE_CHAT = (
    "14:10 オペレーター：お電話番号を教えてください\n"
    "14:14 相談者：090\n14:14 相談者：-5521-\n14:14 相談者：3398\n"
    "14:15 相談者：すみません分けて送りました\n"
)


def test_a_phone_number_typed_over_messages_is_found_piece_by_piece() -> None:
    rec = JpPhoneRecognizer()
    results = rec.analyze(_PHONE_CHAT, ["PHONE_NUMBER"])
    found = [_PHONE_CHAT[r.start : r.end] for r in results if r.score >= 0.5]
    assert found == ["090", "5521", "3398"]


def test_when_the_joined_digits_are_no_phone_number_or_none_was_asked_then_nothing() -> None:
    rec = JpPhoneRecognizer()
    invalid = _PHONE_CHAT.replace("090", "190")
    assert [r for r in rec.analyze(invalid, ["PHONE_NUMBER"]) if r.score >= 0.5] == []
    unasked = _PHONE_CHAT.replace("お電話番号", "お客様番号")
    assert [r for r in rec.analyze(unasked, ["PHONE_NUMBER"]) if r.score >= 0.5] == []


def test_a_log_of_display_names_is_read_a_labelled_line_a_message() -> None:
    text = (
        "Kenta Ishii: カードの番号ってこれで合ってますか\nKenta Ishii: 0638\n"
        "Kenta Ishii: 3714\nKenta Ishii: 4983\n職員: 個人番号はLINEで送らないでください。\n"
    )
    rec = JpMyNumberRecognizer()
    found = [text[r.start : r.end] for r in rec.analyze(text, ["MY_NUMBER"]) if r.score >= 0.5]
    assert found == ["0638", "3714", "4983"]
    # lines of two senders, or split by an unlabelled line, are no one run
    assert split_runs("A: 0638\nB: 3714\nA: 4983\n") == []
    assert split_runs("A: 0638\nmemo\nA: 3714\n") == []


_SMS = (
    "[送信 06/03 13:21] お電話番号もお願いします\n"
    "[受信 06/03 13:22] 家の電話は0263\n"
    "[受信 06/03 13:22] 47-3315\n"
    "[送信 06/03 13:40] 承知しました\n"
)


def test_a_number_begun_after_its_label_and_ended_in_the_next_message_is_found() -> None:
    rec = JpPhoneRecognizer()
    found = [_SMS[r.start : r.end] for r in rec.analyze(_SMS, ["PHONE_NUMBER"]) if r.score >= 0.5]
    assert found == ["0263", "47-3315"]


def test_a_label_and_digits_inside_a_message_open_no_run() -> None:
    # the first group is not at the end of its message: the message says more
    text = _SMS.replace("家の電話は0263", "家の電話は0263です、昼は不在")
    assert split_runs(text) == []
