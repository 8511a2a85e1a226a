"""Names in Chinese and Korean script after the words that introduce them.

Interpreted calls quote the caller in their own language: ``我叫王丽娟``,
``我母亲叫张秀英``, ``제 이름은 박서연입니다``. Sudachi has no Hangul names and
splits Chinese given names it does not know, so neither the dictionary nor
the model sees these; the phrase before them does. A Latin-script name after
such a phrase (``em tên là Nguyễn Thị Lan``) is ``latin_names``' business.

Score: ``INTRODUCED_SCORE``, enough on its own: the phrase says "my name is".
"""

from __future__ import annotations

import re

from recognizers.person.candidate import Candidate

INTRODUCED_SCORE = 0.6

#: Chinese: (my / his / her / my mother's …) name is — then 2–4 Han characters
CHINESE_INTRODUCERS: tuple[str, ...] = (
    "我叫", "名叫", "我的名字是", "我的名字叫", "名字是", "名字叫", "姓名是", "他叫", "她叫",
    "我母亲叫", "我父亲叫", "我妈妈叫", "我爸爸叫", "我太太叫", "我妻子叫", "我丈夫叫",
    "我先生叫", "我儿子叫", "我女儿叫", "我老婆叫", "我老公叫", "叫做", "，叫", "、叫",
)  # fmt: skip
#: Korean: name is / I am — then 2–4 Hangul syllables, the copula cut off
KOREAN_INTRODUCERS: tuple[str, ...] = (
    "제 이름은", "내 이름은", "이름은", "저는", "성함은", "이름이",
)  # fmt: skip
_KOREAN_TAILS: tuple[str, ...] = ("입니다", "이에요", "예요", "이요", "이고요", "이고", "요", "고")

_HAN = r"[\u4e00-\u9fff]"
_CHINESE = re.compile(
    "(?:" + "|".join(map(re.escape, CHINESE_INTRODUCERS)) + rf")[ \u3000]?({_HAN}{{2,4}})"
    r"(?=[，,。．.、！!？?；;：:\s」）)]|是|$)"
)
_KOREAN = re.compile(
    "(?:" + "|".join(map(re.escape, KOREAN_INTRODUCERS)) + r")[ \u3000]?([\uac00-\ud7a3]{2,7})"
)


#: Nepali or Hindi (romanized or not): name — then one to four Devanagari words
#: (the danda । ends a sentence: no part of a name)
_DEVANAGARI = re.compile(
    r"(?<![A-Za-z])(?:[Nn]aam|[Nn]ām|नाम)(?:[ \u3000]?(?:ho|हो|chha|छ|hai|है))?"
    r"[ \u3000]*[:：]?[ \u3000]*"
    r"([\u0900-\u0963\u0966-\u097f]+(?:[ \u3000][\u0900-\u0963\u0966-\u097f]+){0,3})"
)
_DEVANAGARI_TAILS = ("हो", "छ", "है", "हुँ", "हुन्")
#: Thai: (my) name is — then a given name and a family name, a blank between
_THAI = re.compile(r"ชื่อ(?:ว่า)?[ \u3000]?([\u0e00-\u0e7f]+[ \u3000][\u0e00-\u0e7f]+)")


def introduced_name_candidates(text: str) -> list[Candidate]:
    """Chinese, Hangul, Devanagari and Thai names right after a phrase that introduces
    a name."""
    out: list[Candidate] = []
    for m in _DEVANAGARI.finditer(text):
        words = m.group(1).split()
        while words and words[-1] in _DEVANAGARI_TAILS:
            words.pop()  # नाम सृष्टि हो: the copula, not the name
        if words:
            start = m.start(1)
            end = start + len(" ".join(words))
            out.append(Candidate(start, end, "introduced", INTRODUCED_SCORE))
    for m in _THAI.finditer(text):
        out.append(Candidate(m.start(1), m.end(1), "introduced", INTRODUCED_SCORE))
    for m in _CHINESE.finditer(text):
        out.append(Candidate(m.start(1), m.end(1), "introduced", INTRODUCED_SCORE))
    for m in _KOREAN.finditer(text):
        start, end = m.span(1)
        word = text[start:end]
        if word.endswith("니다") and not word.endswith("입니다"):
            continue  # 모릅니다, 없습니다: a verb, not a name
        for tail in _KOREAN_TAILS:
            if word.endswith(tail) and len(word) - len(tail) >= 2:
                end -= len(tail)
                break
        if 2 <= end - start <= 4:
            out.append(Candidate(start, end, "introduced", INTRODUCED_SCORE))
    return out
