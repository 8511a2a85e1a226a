"""An e-mail address said as words is found whole, and only then."""

from __future__ import annotations

import pytest

from recognizers.jp_email_recognizer import JpEmailRecognizer
from recognizers.spoken_email import spoken_emails


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "メールは やまだ アンダーバー ゼロさん アットマーク ジーメール ドット コム です",
            "やまだ アンダーバー ゼロさん アットマーク ジーメール ドット コム",
        ),
        (
            # Korean: 점 for the dot, 골뱅이 (the snail) for @, Sino-Korean digits
            "메일은 minjun 점 kim 구칠 골뱅이 naver 점 com이에요.",
            "minjun 점 kim 구칠 골뱅이 naver 점 com",
        ),
        (
            "メールは、エム、てん、わたぬき、アット、ニフティ、ドット、コム",
            "エム、てん、わたぬき、アット、ニフティ、ドット、コム",
        ),
        (
            "アドレスは tanaka あっと docomo どっと ne どっと jp です",
            "tanaka あっと docomo どっと ne どっと jp",
        ),
        ("メールアドレスが yamada123 at gmail dot com です", "yamada123 at gmail dot com"),
        ("e-mail: j.silva (at) gmail (dot) com", "j.silva (at) gmail (dot) com"),
        # letters one by one, 点 for the dot, ドットコム as one word
        (
            "アドレスは k a z u 点 h i r o 1 2 アットマーク docomo 点 ne 点 jp です",
            "k a z u 点 h i r o 1 2 アットマーク docomo 点 ne 点 jp",
        ),
        (
            "はい。m a n a . f u k u 8 2 アットマーク gmail ドットコム。",
            "m a n a . f u k u 8 2 アットマーク gmail ドットコム",
        ),
    ],
)
def test_an_address_said_as_words_is_one_span(text: str, address: str) -> None:
    assert [text[a:b] for a, b in spoken_emails(text)] == [address]


@pytest.mark.parametrize(
    "text",
    [
        "アットホームな雰囲気の窓口です",  # no dot-word and no domain end
        "I will look at that dot later",  # no top-level domain said
        "that is at the station, dot com era",  # "at" the station: no domain word then dot
        "ドットコム",
        "",
    ],
)
def test_words_that_say_no_address_are_left(text: str) -> None:
    assert spoken_emails(text) == []


def test_the_recognizer_reports_a_said_address_beside_a_written_one() -> None:
    text = "メール a.b@gmail.com、もう一つは さとう アット ヤフー ドット シーオー ドット ジェイピー"
    found = [text[r.start : r.end] for r in JpEmailRecognizer().analyze(text, ["EMAIL_ADDRESS"])]
    assert found == ["a.b@gmail.com", "さとう アット ヤフー ドット シーオー ドット ジェイピー"]


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        (
            "はるママ：haru.ookuma\nはるママ：@docomo.ne.jp\nはるママ：です",
            ["haru.ookuma", "@docomo.ne.jp"],
        ),
        (
            "14:33 user：taro_suzuki1975\n14:33 user：@yahoo.co.jp\n",
            ["taro_suzuki1975", "@yahoo.co.jp"],
        ),
        ("担当：了解\n担当：@home", []),  # no public suffix: no address
        ("user：hello\nuser：world", []),
    ],
)
def test_an_address_typed_over_two_messages_is_found_piece_by_piece(
    text: str, pieces: list[str]
) -> None:
    found = [text[r.start : r.end] for r in JpEmailRecognizer().analyze(text, ["EMAIL_ADDRESS"])]
    assert found == pieces
