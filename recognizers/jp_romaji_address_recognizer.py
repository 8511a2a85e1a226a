"""Japanese addresses written in Latin letters (住所のローマ字表記).

What: an address in Japan the way foreign residents, English mail and
romanised forms write it, smallest unit first::

    [building room,] 2-8-15 Kamisugi, Aoba-ku, Sendai[, Miyagi] [980-0011]
    Oji 2-19-8, Kita-ku
    Osaka, Yodogawa-ku, Juso-higashi 2-9-12, Room 1108

It needs a block number (``N-N`` or ``N-N-N``) and at least one
administrative part with its suffix (``-ku``, ``-shi``, ``-cho``, ``-machi``,
``-gun``, ``-mura``, ``-ken``, ``City``, ``Ward``), so a bare ``Tokyo`` or a
date (``2019-08-22``) is never an address. The kanji grammar of
``JpAddressRecognizer`` cannot read these; no gazetteer is needed because the
suffixes and the block number carry the shape.

Reference: 日本郵便「ローマ字での住所の書き方」 (the order smallest-first, hyphenated
suffixes).
"""

from __future__ import annotations

import re
from typing import ClassVar

from presidio_analyzer import Pattern

from recognizers.base import NormalizedPatternRecognizer

_LOWER = "a-zāīūēōâîûêô"
_ROOM_WORDS = r"(?:Room|Apt|Rm|Unit|Quarto|Apto|Cuarto|Depto|Kuwarto)\b"
_WORD = rf"(?!{_ROOM_WORDS})[A-ZĀĪŪĒŌ][{_LOWER}]+(?:-[A-Za-z][{_LOWER}]+)*"
_SUFFIX = (
    r"(?:-(?:ku|shi|cho|chō|machi|gun|mura|son|ken|to|fu)"
    r"|\s(?:City|Ward|Town|Prefecture|city|ward|town|prefecture))"
)
#: a town's 町 written on to its name (Hyakunincho, Sakaemachi), as residents often do
_JOINED_TOWN = rf"[A-ZĀĪŪĒŌ][{_LOWER}]+(?:cho|chō|machi)\b"
_ADMIN = rf"(?:{_WORD}{_SUFFIX}|{_JOINED_TOWN})"
#: 丁目-番-号; never a phone number, which starts with 0
_BLOCK = r"(?<![\d-])(?!0)\d{1,4}(?:-\d{1,4}){1,2}(?!-?\d)"
_BLOCK_OF_THREE = r"(?<![\d-])(?!0)\d{1,4}-\d{1,4}-\d{1,4}(?!-?\d)"
#: 3-chome 1-6, 5-chōme, 3-chōme 45: the 丁目 spelled out, its 番・号 after it
#: (or said, as a caller spells it: 2 chome 9 no 14)
_BANCHI = r"(?!0)\d{1,4}(?:(?:-|\sno\s)\d{1,4}){0,2}(?!-?\d)"
_CHOME = rf"(?<![\d-])[1-9]\d?(?:-ch[oō]u?me(?:,?\s{_BANCHI})?|\sch[oō]u?me,?\s{_BANCHI})"
_ANY_BLOCK = rf"(?:{_CHOME}|{_BLOCK})"
_PLACE = rf"(?:{_ADMIN}|{_WORD})"
_POSTAL = r"(?:,?\s〒?\d{3}-?\d{4})?"
_BUILDING = r"(?:(?:[A-Z][A-Za-z']+\s){1,4}(?:\d{1,4}[A-Z]?|#\d{1,4}),\s)?"
#: a building named after the block (…45, Kōpo Sakura 201)
_BUILDING_AFTER = rf"(?:[A-ZĀĪŪĒŌ][A-Za-z{_LOWER}']+\s){{1,3}}#?\d{{1,4}}[A-Z]?(?![\d-])"
_ROOM = (
    # the room in the caller's language too: phòng (Vietnamese), quarto, apto (Portuguese),
    # cuarto, depto (Spanish), kuwarto (Tagalog)
    r"(?:,?\s(?:[Rr]oom|Rm\.?|[Aa]pt\.?|[Uu]nit|#|[Pp]hòng|[Qq]uarto|[Aa]pto\.?|[Cc]uarto"
    r"|[Dd]epto\.?|[Kk]uwarto)\s?\d{1,4}[A-Z]?"
    # a building written in katakana or kanji, as the form's Japanese half has it, and room
    r"|\s[\u30a1-\u30fa\u30fc\u4e00-\u9fff々]{2,20}\s?[1-9]\d{0,3}(?:号室|号)?(?![\d-]))?"
)


class JpRomajiAddressRecognizer(NormalizedPatternRecognizer):
    """Finds romanised Japanese street addresses by block number and suffixed places."""

    ENTITY: ClassVar[str] = "ADDRESS"
    PATTERNS: ClassVar[list[Pattern]] = [
        # 2-8-15 Kamisugi, Aoba-ku, Sendai 980-0011
        Pattern(
            "romaji_block_first",
            rf"{_BUILDING}{_BLOCK},?\s{_WORD}(?:,?\s{_PLACE}){{0,3}}?,?\s{_ADMIN}"
            # after the administrative part, more administrative parts (… Hamamatsu City)
            # and other places only after a comma (…Sendai Employer: the next sentence)
            rf"(?:,?\s{_ADMIN}){{0,2}}(?:,\s{_PLACE}){{0,3}}{_POSTAL}{_ROOM}",
            0.85,
        ),
        # 1-24-9 Hyakunincho, Shinjuku, Tokyo: the block, then a town with its 町 on
        Pattern(
            "romaji_block_joined_town",
            rf"{_BUILDING}{_BLOCK},?\s{_JOINED_TOWN}(?:,\s{_PLACE}){{0,3}}{_POSTAL}{_ROOM}",
            0.85,
        ),
        # 2-9-14 Midorigaoka, Apt 201: a block, a town and a room (validate_result)
        Pattern(
            "romaji_block_town_room",
            rf"{_BLOCK_OF_THREE},?\s{_WORD}(?:,\s{_PLACE}){{0,2}}{_POSTAL}"
            r",?\s(?:[Rr]oom|Rm\.?|[Aa]pt\.?|[Uu]nit|#)\s?\d{1,4}[A-Z]?",
            0.6,
        ),
        # Oji 2-19-8, Kita-ku; Mōka-shi Aramachi 3-chōme 2014; Motoazabu 3-chome 1-6
        Pattern(
            "romaji_town_block",
            rf"{_BUILDING}(?:{_PLACE},?\s){{0,3}}{_WORD}\s{_ANY_BLOCK}"
            rf"(?:,\s(?:{_BUILDING_AFTER}|{_PLACE})){{0,3}}{_POSTAL}{_ROOM}",
            0.6,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = ["address", "Address", "live", "lives", "moving", "住所"]
    #: case matters: a place is capitalised, "at" and "to" are not
    REGEX_FLAGS: ClassVar[int] = re.DOTALL | re.MULTILINE

    def validate_result(self, pattern_text: str) -> bool | None:
        """The town-and-block form must name an administrative part (…-ku, City),
        spell out its 丁目 (…-chome) or end in a room (Apt 201), which nothing but an
        address does."""
        if (
            re.search(_SUFFIX, pattern_text) is None
            and re.search(_JOINED_TOWN, pattern_text) is None
            and re.search(r"[- ]ch[oō]u?me", pattern_text) is None
            and re.search(r"(?:[Rr]oom|Rm\.?|[Aa]pt\.?|[Uu]nit|#)\s?\d{1,4}[A-Z]?$", pattern_text)
            is None
        ):
            return False
        return None
