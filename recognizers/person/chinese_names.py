"""Chinese names as mainland callers and their interpreters write them: 刘洋, Liú Jiànguó.

Notes about residents from mainland China quote the name the way the caller
gives it: in simplified characters (``刘洋``, ``赵丽华``, ``张伟``) and in pinyin
with its tone marks (``Liú Jiànguó``). Neither is Japanese: Sudachi knows no
word that starts with 刘, 张 or 陈, and GiNZA was trained on Japanese text.
What marks them is their script:

- a run of two or three Han characters standing alone whose first character is
  a Chinese family name written in a form Japanese never uses (刘 for 劉, 张 for
  張): in a Japanese note such a run is a quoted name;
- two or three capitalised words that split into pinyin syllables, one of them
  at least carrying a pinyin tone mark (ā á ǎ à …): a romanized Chinese name
  (a Spanish or Vietnamese word fails either the syllables or the marks).

Score: ``SCORE``, enough alone; a Chinese sentence's ordinary words that
begin with one of these characters (谢谢, 许多, 马上) are left out by a list.
"""

from __future__ import annotations

import re
import unicodedata

from recognizers.person.candidate import Candidate

SCORE = 0.5

#: Chinese family names in simplified characters that Japanese never writes so
#: (劉 張 陳 楊 趙 呉 孫 鄭 謝 韓 馮 鄧 許 呂 蘇 盧 蔣 賈 鍾 鄒 龔 頼 喬 賀 譚 閻 厳 羅 馬 …)
SIMPLIFIED_SURNAMES = frozenset(
    "刘张陈杨赵吴孙郑谢韩冯邓许吕苏卢蒋贾钟邹龚赖乔贺谭阎严罗马顾钱汤龙陆韦萧"
)
#: everyday Chinese words that begin with such a character
_NOT_NAMES = frozenset(
    {
        "谢谢", "许多", "马上", "陆续", "严重", "顾客", "罗马", "张开", "陈述", "钱包", "马路",
        "严格", "龙头", "苏醒", "汤圆", "韩国", "韩语", "马克", "罗列", "顾问", "许可", "陈列",
        "孙子", "孙女", "钟头", "钟表", "贺卡", "谢绝", "乔迁", "马来", "苏州", "杨树", "张贴",
    }
)  # fmt: skip

_HAN = "\u4e00-\u9fff\u3005"
_SIMPLIFIED_NAME = re.compile(rf"(?<![{_HAN}])[{_HAN}]{{2,3}}(?![{_HAN}])")

#: the vowels that carry a pinyin tone mark, and ü
_TONE_MARKS = frozenset("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ")
#: the syllables of Mandarin, initial by initial (jo, se, ke are none: José, Kesia fail)
_PINYIN_SYLLABLE = (
    r"(?:(?:zh|ch|sh|[rzcs])(?:uang|ang|eng|ong|uai|uan|ai|ei|ao|ou|an|en|ua|uo|ui|un|a|e|i|u)"
    r"|[bpmf](?:iang|ang|eng|ing|ian|iao|ai|ei|ao|an|en|ou|ie|in|a|o|i|u)"
    r"|[dtnl](?:iang|ang|eng|ong|ing|ian|iao|uan|ai|ei|ao|ou|an|en|ia|ie|iu|in|uo|ui|un|üe|a|e|i|u|ü)"
    r"|[gkh](?:uang|ang|eng|ong|uai|uan|ai|ei|ao|ou|an|en|ua|uo|ui|un|a|e|u)"
    r"|[jqx](?:iang|iong|ing|ian|iao|uan|ia|ie|iu|in|ue|un|i|u)"
    r"|y(?:ang|ing|ong|uan|ao|ou|an|in|ue|un|a|e|i|o|u)"
    r"|w(?:ang|eng|ai|ei|an|en|a|o|u)"
    r"|(?:ang|eng|ai|ei|ao|ou|an|en|er|a|o|e))"
)
_PINYIN_WORD = re.compile(rf"(?:{_PINYIN_SYLLABLE}'?)+")
#: pinyin words of places, not people (Shànghǎi Shì, Běijīng Dàxué)
_PINYIN_PLACES = frozenset(
    {
        "shanghai", "beijing", "guangzhou", "shenzhen", "tianjin", "chongqing", "nanjing",
        "hangzhou", "wuhan", "chengdu", "dalian", "haerbin", "xiamen", "shi", "sheng", "qu",
        "jie", "cun", "zhen", "daxue", "zhongguo", "xianggang", "taiwan",
    }
)  # fmt: skip
_LATIN_WORD = r"[A-Za-z\u00C0-\u024F]+(?:-[A-Za-z\u00C0-\u024F]+)?"
#: two or three Latin words in a row (Liú Jiànguó, Wáng Xiǎo-míng)
_LATIN_RUN = re.compile(
    rf"(?<![A-Za-z\u00C0-\u024F]){_LATIN_WORD}(?:[ \u3000]{_LATIN_WORD}){{1,2}}"
    r"(?![A-Za-z\u00C0-\u024F])"
)


def _plain(word: str) -> str:
    """The word in lower case with its tone marks taken off (ü kept)."""
    out = []
    for ch in word.lower():
        if ch in "ǖǘǚǜ":
            out.append("ü")
        else:
            out.append(unicodedata.normalize("NFD", ch)[0])
    return "".join(out)


def is_pinyin(word: str) -> bool:
    """A word made only of pinyin syllables (tone marks allowed)."""
    plain = _plain(word).replace("-", "")
    return plain not in _PINYIN_PLACES and _PINYIN_WORD.fullmatch(plain) is not None


def chinese_name_candidates(text: str) -> list[Candidate]:
    """Names in simplified characters and in toned pinyin (see the module docstring)."""
    out: list[Candidate] = []
    for m in _SIMPLIFIED_NAME.finditer(text):
        word = m.group(0)
        if word[0] in SIMPLIFIED_SURNAMES and word[1] != word[0] and word[:2] not in _NOT_NAMES:
            out.append(Candidate(m.start(), m.end(), "simplified_name", SCORE))
    for m in _LATIN_RUN.finditer(text):
        words = re.split(r"[ \u3000]", m.group(0))
        if all(w[0].isupper() and is_pinyin(w) for w in words) and any(
            c in _TONE_MARKS for c in m.group(0)
        ):
            out.append(Candidate(m.start(), m.end(), "pinyin", SCORE))
    return out
