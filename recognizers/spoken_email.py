"""An e-mail address said aloud: ``やまだ アンダーバー … アットマーク ジーメール ドット コム``.

A caller reads an address as words: the name part in kana or letters
(``やまだ``, ``tanaka``, ``エム、てん、わたぬき``), then ``アットマーク`` /
``あっと`` / ``at``, the provider, and ``ドット`` / ``dot`` between the domain's
parts, ending in ``コム``, ``ジェーピー`` or ``jp``. Speech-to-text keeps the
words, so no address pattern sees an ``@``; and a name said in kana has no
spelling to read back (``わたぬき`` may be watanuki or wata-nuki), so this
module finds the stretch that says an address rather than rewriting it.

What marks one: an at-word, then domain words joined by dot-words, the last a
top-level domain's name (``com``, ``jp``, ``net``…), and before the at-word the
name part, a few words said with pauses, starting after the label
(``メールは、``) or after whatever is not a spelled word.

Pure text; hand-written because no library reads addresses said in Japanese.
"""

from __future__ import annotations

import re

_SEP = r"[ \u3000、,・]*"
#: inside the name part a dot typed as a dot too (m a n a . f u k u)
_LOCAL_SEP = r"[ \u3000、,・.]*"
#: (at and dot as words of their own: not the at of "that")
_AT = (
    r"(?:アットマーク|あっとまーく|アット|あっと|(?<![A-Za-z])[Aa][Tt](?![A-Za-z])"
    r"|\([Aa][Tt]\)|\[[Aa][Tt]\]|＠"
    # Korean: 골뱅이 (the snail, @), 앳
    r"|골뱅이|앳)"
)
_DOT = (
    r"(?:ドット|どっと|(?<![A-Za-z])[Dd][Oo][Tt](?![A-Za-z])|\([Dd][Oo][Tt]\)|\[[Dd][Oo][Tt]\]"
    r"|ピリオド|てん|テン|点"
    # Korean: 점, 닷
    r"|점|닷)"
)
#: a dot and the top-level domain said as one word (ドットコム)
_DOT_TLD = r"(?:ドットコム|どっとこむ|ドットジェーピー|ドットジェイピー|ドットネット)"
#: the last part of a domain, said
_TLD = (
    r"(?:コム|こむ|ジェーピー|ジェイピー|じぇーぴー|じぇいぴー|ネット|ねっと|オルグ|"
    r"[Cc][Oo][Mm]|[Jj][Pp]|[Nn][Ee][Tt]|[Oo][Rr][Gg]|[Ii][Nn][Ff][Oo]|[Bb][Ii][Zz])"
)
#: one word of a domain: letters, or the kana of a provider or a word (ジーメール, ニフティ)
_DOMAIN_WORD = r"(?:[A-Za-z0-9][A-Za-z0-9-]*+|[ァ-ヺー]{2,12}+|[ぁ-ゖー]{2,12}+)"
#: one word of the name part: letters and digits, a kana word, a symbol's name
_LOCAL_WORD = (
    # possessive: a run of kana splits one way only, so a failed match costs little
    r"(?:アンダーバー|あんだーばー|アンダースコア|ハイフン|はいふん|点|점|[A-Za-z0-9][A-Za-z0-9._-]*+"
    r"|[ァ-ヺー]{1,12}+|[ぁ-ゖー]{1,12}+"
    # Sino-Korean digits (minjun 점 kim 구칠: 97), never another Korean word
    r"|[공영일이삼사오육륙칠팔구]{1,12}+)"
)
_SPOKEN = re.compile(
    # the name part opens a word (not つは of 一つは)
    r"(?<![\u4e00-\u9fff々A-Za-z0-9ぁ-ゖァ-ヺー._-])"
    rf"(?P<local>{_LOCAL_WORD}(?:{_LOCAL_SEP}{_LOCAL_WORD}){{0,16}}?){_SEP}{_AT}{_SEP}"
    rf"{_DOMAIN_WORD}(?:{_SEP}{_DOT}{_SEP}{_DOMAIN_WORD}){{0,3}}?{_SEP}(?:{_DOT}{_SEP}{_TLD}|{_DOT_TLD})"
    r"(?![A-Za-z0-9ァ-ヺぁ-ゖ])"
)
#: words that open the stretch before the name part: the label and its particle,
#: fillers, acknowledgements (never part of the address)
_LEAD = re.compile(
    r"^(?:(?:メールアドレス|メアド|アドレス|メール|[Ee]-?mail|[Mm]ail)(?:は|が|を|の|も)?|"
    r"えーと|えっと|えー|あの|はい|ええ|うん|です|で|は|が|を|の|と|も|[ 　、,・:：])+"
)
MAX_LOCAL = 48
_AT_WORD = re.compile(_AT)


def spoken_emails(text: str) -> list[tuple[int, int]]:
    """Spans of e-mail addresses said as words in ``text``."""
    found: list[tuple[int, int]] = []
    if _AT_WORD.search(text) is None:
        return found  # most notes: no at-word, nothing to read
    for m in _SPOKEN.finditer(text):
        start = m.start("local")
        lead = _LEAD.match(text, start, m.end("local"))
        if lead is not None and lead.end() > start:
            start = lead.end()
        if m.end("local") - start > MAX_LOCAL or start >= m.end("local"):
            continue
        found.append((start, m.end()))
    return found
