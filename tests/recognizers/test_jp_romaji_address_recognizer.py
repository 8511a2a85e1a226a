"""Romanised Japanese addresses: block number plus a suffixed place, never a phone or a date."""

from __future__ import annotations

import pytest

from recognizers.jp_romaji_address_recognizer import JpRomajiAddressRecognizer


def _found(text: str) -> list[str]:
    return [text[r.start : r.end] for r in JpRomajiAddressRecognizer().analyze(text, ["ADDRESS"])]


@pytest.mark.parametrize(
    ("text", "addresses"),
    [
        (
            "Address: 2-8-15 Kamisugi, Aoba-ku, Sendai Employer",
            ["2-8-15 Kamisugi, Aoba-ku, Sendai"],
        ),
        (
            "Former address: 5-8-21 Nishi-Kasai, Edogawa-ku, Tokyo 134-0088 Current",
            ["5-8-21 Nishi-Kasai, Edogawa-ku, Tokyo 134-0088"],
        ),
        (
            "lives at Lions Mansion Oshima 605, 5-38-2 Oshima, Koto-ku Q:",
            ["Lions Mansion Oshima 605, 5-38-2 Oshima, Koto-ku"],
        ),
        ("i live Oji 2-19-8, Kita-ku [14:07]", ["Oji 2-19-8, Kita-ku"]),
        (
            "to Osaka, Yodogawa-ku, Juso-higashi 2-9-12, Room 1108 on the 30th",
            ["Osaka, Yodogawa-ku, Juso-higashi 2-9-12, Room 1108"],
        ),
        # the 丁目 spelled out, macrons, a lower-case room or unit, a building after
        ("I'm at Shirokane 4-chome 2-11, unit 702. Bye", ["Shirokane 4-chome 2-11, unit 702"]),
        ("address is Ōsu 2-chōme, near the temple", ["Ōsu 2-chōme"]),
        ("at 1-22-3 Sakae-machi, Kita-ku, room 301. ok", ["1-22-3 Sakae-machi, Kita-ku, room 301"]),
        (
            "Dạ, Toyota-shi, Hirayama-chō 2-chōme 18, Haitsu Midori 105.",
            ["Toyota-shi, Hirayama-chō 2-chōme 18, Haitsu Midori 105"],
        ),
        # the room in the caller's language
        (
            "Địa chỉ mới là Kawaguchi-shi Shibazonocho 3-7, phòng 1104.",
            ["Kawaguchi-shi Shibazonocho 3-7, phòng 1104"],
        ),
        # a block, a town and a room; the 丁目 said; a building's # room
        ("Address: 2-9-14 Midorigaoka, Apt 201 — she", ["2-9-14 Midorigaoka, Apt 201"]),
        ('she wrote it "Midorigaoka 2 chome 9 no 14".', ["Midorigaoka 2 chome 9 no 14"]),
        # a town with its 町 written on; ward in lower case
        (
            "My address is 1-24-9 Hyakunincho, Shinjuku, Tokyo",
            ["1-24-9 Hyakunincho, Shinjuku, Tokyo"],
        ),
        (
            "She lives near Minami-Ikebukuro 2-chome, Toshima ward",
            ["Minami-Ikebukuro 2-chome, Toshima ward"],
        ),
        # the building in katakana after a romanised address
        (
            "Address: Shinjuku-ku Okubo 2-chome 15-3 サンパレス大久保 203 です",
            ["Shinjuku-ku Okubo 2-chome 15-3 サンパレス大久保 203"],
        ),
        # the English order without commas
        (
            "Address: 2-13-5 Sumiyoshi Naka Ward Hamamatsu City and",
            ["2-13-5 Sumiyoshi Naka Ward Hamamatsu City"],
        ),
        (
            "Address: Nakano-ku Yayoi-cho 4-31-2, Maison Yayoi #104 → 住基",
            ["Nakano-ku Yayoi-cho 4-31-2, Maison Yayoi #104"],
        ),
    ],
)
def test_when_an_address_is_romanised_then_it_is_one_span(text: str, addresses: list[str]) -> None:
    assert _found(text) == addresses


@pytest.mark.parametrize(
    "text",
    [
        "Call 03-1234-5678 Tokyo, Minato-ku office",  # a phone number
        "DOB 2019-08-22, Tokyo",  # a date
        "She lives in Tokyo, Minato-ku",  # no block number
        "Case 12-345, Payment Office",  # no suffixed place
        "1-2-3 at the counter",
        "Meeting Room 3-chome is booked",  # no town before the 丁目
        "Lesson 2-3, Chapter 5",
        "Lesson 2-3 Reading, Unit 5 Test",  # no room number after the town
        "Chapter 2 chome",  # no town before the 丁目
        "I ate 2-3 nachos, Tokyo style",  # a word ending in cho is no town
    ],
)
def test_when_there_is_no_block_and_suffixed_place_then_no_address(text: str) -> None:
    assert _found(text) == []
