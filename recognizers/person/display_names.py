"""Chat participants' display names: the label before each of their messages.

LINE, SMS and web-chat logs pasted into a note label every message with the
sender: the city's account (``相模原市：``, ``水道局``, ``市（国保年金課）:``)
and the resident's display name (``ゆうママ🌸：``, ``Nguyễn Thị Mai:``,
``ひかる⚡️ 14:22``). A display name is whatever the resident calls
themselves, so no dictionary knows it (LABELS.md: it is a name wherever it
stands). What marks it is the log's shape: a short label, repeated, taking
turns with another label, that is neither a speaker word of a transcript
(``相談者``, ``オペ``) nor the city's side nor a form field.

Pure text: what is never a name comes in as a predicate.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable

from recognizers.person.candidate import Candidate

DISPLAY_NAME_SCORE = 0.6
#: a label names a participant when it opens at least this many messages …
MIN_MESSAGES = 2
#: … and the log has at least this many distinct senders …
MIN_SENDERS = 2
#: … or the one label opens this many (the city's side labelled in a way no pattern
#: reads: 市（国保年金課）:)
MIN_MESSAGES_ALONE = 3

_WORD = r"[^\s：:\[\]［］【】「」『』（）()<>〈〉]{1,16}"
_CLOCK = r"[\[［(（]?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?[\]］)）]?"
#: a sender's label: an optional time, one to four words, decoration (emoji), then a
#: colon, or the time after it at the end of the line (LINE's export: ひかる⚡️ 14:22)
_LABEL = re.compile(
    rf"^[ \u3000]*(?:{_CLOCK}[ \u3000]*)?"
    rf"(?P<name>{_WORD}(?: {_WORD}){{0,3}}?)"
    r"(?P<deco>[^\w\s：:]*)"
    rf"(?:[ \u3000]*[：:]|[ \u3000]+{_CLOCK}[ \u3000]*$)",
    re.MULTILINE,
)
#: words of the city's side of a chat (its account, desks and staff) and of bots
CITY_SIDE = re.compile(
    r"[市区町村課局係室庁部]|センター|窓口|公式|担当|職員|オペ|受付|運営|事務局|相談員|通訳|"
    r"保健師|看護師|社会福祉士|ケアマネ|ワーカー|支援員|指導員|栄養士|"
    r"Bot|bot|BOT|AI|システム|自動|[Oo]perator|[Ss]taff|[Cc]ity|[Oo]ffice|[Aa]gent|[Aa]dmin|"
    r"[Dd]esk|[Hh]elp|[Ss]upport|[Cc]ounter"
)
#: what a log calls a participant it does not name (あなた, ゲスト, 話者A)
PARTICIPANT_WORDS = re.compile(
    r"^(?:あなた|ボット|ゲスト|自分|私|わたし|相手|質問者|依頼者|投稿者|送信者|匿名|話者|通報者|"
    r"申請者|申込者|保護者|来庁者|来所者|訪問者|当事者|第三者|ユーザ|お問い合わせ|問合せ|"
    r"[Gg]uest|[Yy]ou|[Mm]e|[Uu]ser|[Ss]peaker|[Cc]aller|[Cc]lient|[Rr]esident|"
    r"[Cc]onsultante|[Cc]liente|[Uu]su[aá]rio|[Ss]olicitante|[Rr]equerente|Khách|Người gọi)"
)
#: labels of form fields and headers, which a note may also repeat (電話：… 電話：…)
FIELD_WORDS = re.compile(
    r"氏名|名前|電話|TEL|Tel|住所|内容|備考|件名|用件|日時|日付|時間|場所|連絡先|番号|メール|"
    r"宛先|差出人|送信|受信|返信|既読|写真|画像|スタンプ|Re|RE|Fw|From|To|Subject|Date|Name|"
    r"Phone|Address|Note|Memo"
)


#: a key of an exported record ("name":"…", {"form":…): quoted, never a sender
_RECORD_KEY = re.compile(r"[{\[]?[\"'“”]")
#: an honorific a display name may end with (匿名希望さん is still no name)
_HONORIFIC_END = re.compile(r"(?:さん|様|さま|ちゃん|くん)$")


#: a note stating the resident's display name (表示名：Hiro.K, LINE, 表示名 ken_w)
_DISPLAY_FIELD = re.compile(
    r"(?:表示名|アカウント名|ユーザー名|ユーザ名|LINE名|ニックネーム)[ \u3000]*[:：]?[ \u3000]*"
    r"([^\s（()）:：、,，。「」]{2,20})"
)


def _bare(name: str) -> str:
    """The label without emoji, their variation selectors and symbols glued to it."""
    return "".join(
        c
        for c in name
        if (unicodedata.category(c)[0] in "LNM" and not "\ufe00" <= c <= "\ufe0f") or c in " ・.-'"
    )


def display_name_candidates(
    text: str,
    is_speaker_word: Callable[[str], bool],
    never_a_name: Callable[[str], bool] = lambda _w: False,
) -> list[Candidate]:
    """Each message label of a chat log that is a resident's display name."""
    labels = [
        m
        for m in _LABEL.finditer(text)
        if _bare(m.group("name")).strip() and not _RECORD_KEY.match(m.group("name"))
    ]
    keys = [_bare(m.group("name")).strip() for m in labels]
    counts = Counter(keys)
    stated = [
        m for m in _DISPLAY_FIELD.finditer(text) if not never_a_name(_bare(m.group(1)).strip())
    ]
    if (
        not stated
        and len(counts) < MIN_SENDERS
        and max(counts.values(), default=0) < MIN_MESSAGES_ALONE
    ):
        return []

    def may_be_a_name(key: str) -> bool:
        k = unicodedata.normalize("NFKC", key)  # ｵﾍﾟﾚｰﾀｰ is an operator too
        return (
            len(k) >= 2
            and not any(c.isdigit() for c in k)
            and not is_speaker_word(k)
            and not CITY_SIDE.search(k)
            and not PARTICIPANT_WORDS.match(k)
            and not FIELD_WORDS.search(k)
            and not never_a_name(k)
            and not never_a_name(_HONORIFIC_END.sub("", k))
        )

    names = {k for k, n in counts.items() if n >= MIN_MESSAGES and may_be_a_name(k)}
    out: list[Candidate] = []
    for m in stated:
        # 表示名：Hiro.K — the note says which label is the resident's: it and every
        # message it opens are the name, however few
        key = _bare(m.group(1)).strip()
        if may_be_a_name(key) or key in counts:
            names.add(key)
            start, end = m.span(1)
            while end > start and not _bare(text[end - 1]):
                end -= 1  # ゆっこ🍓: the emoji glued to the name is no part of it
            out.append(Candidate(start, end, "display_name", DISPLAY_NAME_SCORE))
    for m, key in zip(labels, keys, strict=True):
        if key not in names:
            continue
        start = m.start("name")
        end = start + len(m.group("name").rstrip())
        while end > start and not _bare(text[end - 1]):
            end -= 1  # the emoji glued to the name is no part of it
        out.append(Candidate(start, end, "display_name", DISPLAY_NAME_SCORE))
    return out
