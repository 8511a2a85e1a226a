"""JpEmailRecognizer: ASCII and full-width addresses, checked offline against the suffix list."""

from __future__ import annotations

import socket
import urllib.request
from typing import Any

import pytest
import requests

from recognizers.jp_email_recognizer import JpEmailRecognizer, offline_extractor

ENTITY = "EMAIL_ADDRESS"


@pytest.fixture(scope="module")
def rec() -> JpEmailRecognizer:
    return JpEmailRecognizer()


def found(rec: JpEmailRecognizer, text: str) -> list[tuple[str, float]]:
    return [(text[r.start : r.end], r.score) for r in rec.analyze(text, [ENTITY], None)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("メール：minako.seki@example.co.jp\n個人番号", "minako.seki@example.co.jp"),
        ("メールアドレスはtsubasa.k88@mail.example.ne.jpです。", "tsubasa.k88@mail.example.ne.jp"),
        ("担当者メール k.murakami@travel.example.co.jp、TEL", "k.murakami@travel.example.co.jp"),
        ("アドレスは yuki.nomura@example.com です", "yuki.nomura@example.com"),
        ("連絡先はａｂｃ＿１＠ｅｘａｍｐｌｅ．ｊｐです。", "ａｂｃ＿１＠ｅｘａｍｐｌｅ．ｊｐ"),
        (
            "メール：ｓａｎａｅ．ｈ＠ｅｘａｍｐｌｅ．ｎｅ．ｊｐ\n",
            "ｓａｎａｅ．ｈ＠ｅｘａｍｐｌｅ．ｎｅ．ｊｐ",
        ),
        ("宛先 taro+city@example.org.", "taro+city@example.org"),
        ("(hanako-y@example-mail.jp)", "hanako-y@example-mail.jp"),
    ],
)
def test_when_an_address_is_written_then_exactly_it_is_found_with_full_score(
    rec: JpEmailRecognizer, text: str, value: str
) -> None:
    assert found(rec, text) == [(value, 1.0)]


@pytest.mark.parametrize(
    "text",
    [
        "taro@localhost に送る",
        "taro@example.notarealtld",
        "メールは @example.co.jp まで",
        "taro@",
        "@",
        "taro.example.co.jp",
        "連絡は電話で",
        "",
    ],
)
def test_when_not_an_address_with_a_public_suffix_then_nothing_is_found(
    rec: JpEmailRecognizer, text: str
) -> None:
    assert found(rec, text) == []


def test_validation_works_with_the_network_cut_off(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(requests.Session, "request", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    # a fresh recognizer and extractor, so nothing was loaded before the cut
    rec = JpEmailRecognizer(extractor=offline_extractor())
    assert found(rec, "メール：minako.seki@example.co.jp") == [("minako.seki@example.co.jp", 1.0)]


def test_an_injected_extractor_decides_which_suffixes_exist() -> None:
    class NoSuffix:
        def __call__(self, domain: str) -> Any:
            return type("Parts", (), {"suffix": "", "domain": domain})()

    rec = JpEmailRecognizer(extractor=NoSuffix())  # type: ignore[arg-type]
    assert found(rec, "taro@example.co.jp") == []
