"""An address said in answer to "ご住所は", whole: the turn decides where it starts and ends.

Read aloud, an address comes in pieces the gazetteer parser cannot join:
``呉の、ひろこしんかい、ななちょうめ、さんじゅうにのよん`` (a town said in kana
that KEN_ALL's readings do not hold, a city without 市), or only a building
and a room in the turn after the street (``エスポワール谷山の、さんまるいち``,
``南が丘団地の、3号棟の、ごまるに``). In a transcript the question tells what
the turn holds: when the operator asked for the address, the answer's place
words around an address found in it belong to it, and a building with a room
number is an address on its own.

Pure text and the dialogue layer (``recognizers.dialogue``); no model.
"""

from __future__ import annotations

import re

from recognizers.dialogue import dialogue_of
from recognizers.normalize import NormalizedText

#: how an answer starts before the place (skipped): acknowledgements, fillers, topic words
_LEAD = re.compile(
    r"(?:[ \u3000、,]|はい|ええ|えー+と?|えっと|あの+ー?|うん|んだ|そう|うちは|わたしは|私は|"
    r"住所は|ご?住所が|今の?|いまは|前は|場所は|あ、)*"
)
#: where the place ends: the copula, a sentence end, a clause about it
_STOP = re.compile(
    r"です|でございます|だべ|だす|どす|やけど|やけん|だけど|ですけど|になります|でしょうか|"
    r"で(?:よろしい|合って|お願い)|なんですけど|のとこ|の角|の辺|あたり|辺り|付近|に住|"
    r"に引っ越|から|まで|って|[。？?！!\n「」]|"
    # the next value's label: the place ends before it (…503、携帯は090…)
    r"電話|携帯|TEL|Tel|FAX|連絡先|メール|生年月日|誕生日|番号|口座|お名前|名前"
)
#: a building and its room or floor said on their own (in a turn that answers 住所)
#: a building's name holds katakana or Latin letters, or ends in a building word
_NAME = (
    r"(?=[^、,\n]{0,24}?(?:[\u30a1-\u30fa]|[A-Za-z]|団地|荘|棟|館|寮|住宅|アパート))"
    r"[\u30a1-\u30fa\u30fc\u4e00-\u9fff々A-Za-z]"
    r"[\u30a1-\u30fa\u30fc\u4e00-\u9fff々A-Za-z・ー\u3041-\u3093]{0,23}?"
    r"[\u30a1-\u30fa\u30fc\u4e00-\u9fff々A-Za-z]"  # never ends in a particle (電話は)
)
_GAP = r"[ \u3000、,の]{0,3}"
#: a room number never starts with 0 (090 is a phone number's start)
_ROOM_NO = r"[1-9]\d{1,3}(?:号室|号|階|F)?"
_BUILDING_ROOM = re.compile(
    rf"(?:{_NAME}{_GAP}(?:\d+(?:号棟|棟){_GAP})?{_ROOM_NO}"  # エスポワール谷山の、301
    rf"|\d+(?:号棟|棟){_GAP}{_ROOM_NO}"  # 3号棟502号室
    r"|[1-9]\d{1,3}(?:号室|階|室|호실|호|층))(?![\d-])"  # 室 (Chinese), 호, 층 (Korean)
)
#: a form's own field for the building and room (建物名 ‖ コーポ葵 201号室)
_BUILDING_FIELD = re.compile(
    r"(?:建物名|マンション名|アパート名|方書|建物・部屋番号|建物名・部屋番号)"
    r"[ \u3000]*[:：|‖│]?[ \u3000|‖│]*"
)
#: the longest stretch an answer may add on either side of what the parser found
MAX_GROWTH = 40


def _place_stretch(norm: NormalizedText, start: int, end: int) -> bool:
    """Whether canonical ``[start, end)`` reads as more of an address (digits or counters)."""
    piece = norm.text[start:end]
    return bool(re.search(r"\d|丁目|番地|条|町|村|字|通|室|号|호", piece))


#: a block number in canonical text: 2丁目, 17番地, 13-4, 西5条
_BLOCK_NUMBER = re.compile(r"\d+(?:丁目|番地|番|号|条)|\d+-\d+")


def _block_answer(norm: NormalizedText, t_start: int, t_end: int) -> tuple[int, int] | None:
    """The whole answer, when the parser found nothing in it but it holds a block number.

    ``しもしろがねちょう、じゅうさん、の、あ、いや、じゅうよん、の、はち``: a town said in
    kana the gazetteer does not read, then its block, corrections and all.
    """
    text = norm.original
    lead = _LEAD.match(text, t_start, t_end)
    start = lead.end() if lead is not None else t_start
    stop = _STOP.search(text, start, t_end)
    end = stop.start() if stop is not None else t_end
    while end > start and text[end - 1] in " \u3000、,…":
        end -= 1
    if not 0 < end - start <= 2 * MAX_GROWTH:
        return None
    cs, ce = norm.to_canonical(start, end)
    blocks = list(_BLOCK_NUMBER.finditer(norm.text, cs, ce))
    if not blocks:
        return None
    # up to the last block or room number said: what follows it is talk, not the address
    ends = [m.end() for m in blocks] + [m.end() for m in _BUILDING_ROOM.finditer(norm.text, cs, ce)]
    return start, norm.to_original(cs, max(ends))[1]


def _building_fields(
    norm: NormalizedText, spans: list[tuple[int, int]]
) -> list[tuple[int, int, int | None]]:
    """A building and room written in a form's own field for them, not overlapping ``spans``."""
    out: list[tuple[int, int, int | None]] = []
    for label in _BUILDING_FIELD.finditer(norm.text):
        m = _BUILDING_ROOM.match(norm.text, label.end())
        if m is None:
            continue
        s, e = norm.to_original(m.start(), m.end())
        if not any(a < e and s < b for a, b in spans):
            out.append((s, e, None))
    return out


def grow_address_answers(
    norm: NormalizedText, spans: list[tuple[int, int]]
) -> list[tuple[int, int, int | None]]:
    """Address spans (original offsets) grown to the answer's place, plus buildings alone.

    ``spans`` are the parser's, on the original text. Each result carries the
    index of the parser's span it grew from, or None for a building and room
    found alone in a turn that answers an address question.
    """
    text = norm.original
    fields = _building_fields(norm, spans)
    dialogue = dialogue_of(text)
    if not dialogue.is_transcript:
        return sorted([(s, e, k) for k, (s, e) in enumerate(spans)] + fields, key=lambda r: r[:2])
    out: list[tuple[int, int, int | None]] = list(fields)
    answered: set[int] = set()
    for k, (s, e) in enumerate(spans):
        content = dialogue.content_of(s)
        if content is None or "ADDRESS" not in dialogue.expected_at(s):
            out.append((s, e, k))
            continue
        t_start, t_end = content
        answered.add(t_start)
        lead = _LEAD.match(text, t_start, s)
        new_s = lead.end() if lead is not None else t_start
        if new_s < s and (s - new_s > MAX_GROWTH or _STOP.search(text, new_s, s)):
            new_s = s
        stop = _STOP.search(text, e, t_end)
        new_e = stop.start() if stop is not None else t_end
        while new_e > e and text[new_e - 1] in " \u3000、,…":
            new_e -= 1
        if new_e - e > MAX_GROWTH:
            new_e = e
        if new_e > e:
            cs, ce = norm.to_canonical(e, new_e)
            if not _place_stretch(norm, cs, ce):
                new_e = e
        out.append((new_s, max(new_e, e), k))
    for turn in dialogue.turns:
        if turn.start in answered or "ADDRESS" not in dialogue.expected_at(turn.start):
            continue
        whole = _block_answer(norm, turn.start, turn.end)
        if whole is not None:
            if not any(a < whole[1] and whole[0] < b for a, b, _ in out):
                out.append((*whole, None))
            continue
        cs, ce = norm.to_canonical(turn.start, turn.end)
        for m in _BUILDING_ROOM.finditer(norm.text, cs, ce):
            s, e = norm.to_original(m.start(), m.end())
            if not any(a < e and s < b for a, b, _ in out):
                out.append((s, e, None))
    merged: list[tuple[int, int, int | None]] = []
    for s, e, origin in sorted(out, key=lambda r: (r[0], r[1])):
        if merged and s < merged[-1][1]:  # two pieces of one answer grown into each other
            ps, pe, po = merged[-1]
            merged[-1] = (ps, max(pe, e), po if po is not None else origin)
        else:
            merged.append((s, e, origin))
    return merged
