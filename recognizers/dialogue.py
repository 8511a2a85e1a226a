"""Call transcripts as turns: who speaks where, and what each answer is an answer to.

Speech-to-text and operators write a call as turns behind speaker labels
(``オペ：``, ``相談者：``, ``A:``, ``【お客様】``, ``職員「…」``, ``[10:02] 利用者:``),
one turn a line or many on one line. Two things follow for recognition:

* a speaker label is never a form field: ``相談者：はいわかりました`` is a turn,
  not the value of a 相談者 field, while ``相談者：山田花子`` in a call record
  is a field. A note is read as a transcript only when speaker labels repeat
  (some speaker speaks twice and at least two speak), so a record with one
  ``相談者：`` line stays a form;
* what a turn asks decides what the next turns answer. The caller answers
  the question of the operator's previous turn (``お名前を`` → a name,
  ``お電話番号は`` → a phone number), usually on another line, where a
  same-line label window sees nothing. Read-backs and corrections a turn or
  two later (``〜ですね``, ``いえ〜です``) answer the same question, so an
  expectation lasts ``CARRY_TURNS`` turns unless a newer turn asks anew.

Every label word and question word is declared once here (``SPEAKER_WORDS``,
``TOPICS``); recognizers ask ``dialogue_of(text).expected_at(pos)``.
Pure text: no model, no Presidio.

Hand-written: no library splits Japanese call transcripts into turns.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

#: words that name a speaker in a transcript
SPEAKER_WORDS: tuple[str, ...] = (
    "オペレーター", "オペレータ", "オペ", "OP", "Op", "op", "受付", "職員", "係員", "担当者",
    "担当", "応対者", "市職員", "相談員", "通訳", "通訳者", "相談者", "お客様", "お客さま",
    "客", "市民", "区民", "住民", "利用者", "ユーザー", "発信者", "架電者", "通話者", "申出者",
    "本人", "家族", "男性", "女性", "Caller", "caller", "Operator", "operator", "Staff",
    "staff", "User", "user", "Agent", "agent", "Customer", "customer", "CS", "Interpreter",
)  # fmt: skip
#: speaker words that are also form-field labels: on their own they do not make a transcript
FIELD_LIKE_SPEAKERS = frozenset({"相談者", "担当", "担当者", "申出者", "本人", "受付", "応対者"})

_SPEAKER_ALT = "|".join(sorted(map(re.escape, SPEAKER_WORDS), key=len, reverse=True))
#: a speaker label at a line start, or after a blank or 。 inside a one-line transcript
_LABEL = re.compile(
    r"(?:(?<=^)|(?<=\n)|(?<=[ \u3000。．！？!?」]))"
    r"(?P<clock>[\[［(（]?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?[\]］)）]?[ \u3000]*)?"  # chat timestamp
    r"(?:"
    r"【(?P<bracket>[^】\n]{1,12})】[ \u3000]*[：:]?"
    # a chat window's [オペレーター 資産税課]： or <相談者>: a speaker word opens the bracket
    rf"|[\[［<〈](?P<square>(?:{_SPEAKER_ALT})[^\]］>〉\n]{{0,12}})[\]］>〉][ \u3000]*[：:]?"
    rf"|(?P<word>(?:{_SPEAKER_ALT})(?:[ \u3000]?[0-9０-９A-Za-zＡ-Ｚ]{{1,2}})?)"
    r"[ \u3000]*(?:[：:>＞)）]|(?=「))"
    r"|(?P<letter>[A-ZＡ-Ｚ]|話者[ \u3000]?[0-9０-９]{1,2}|[Ss]peaker[ \u3000]?[0-9]{1,2})"
    r"[ \u3000]*[：:>＞]"
    r")[ \u3000]*",
    re.MULTILINE,
)

#: what a turn asks for: label → question words (the longest match wins a tie)
TOPICS: dict[str, tuple[str, ...]] = {
    "PERSON": (
        "お名前", "おなまえ", "名前", "フルネーム", "氏名", "フリガナ", "ふりがな", "読み方",
        "お子さんの名", "お子様の名", "name", "Name",
    ),
    "ADDRESS": (
        "ご住所", "住所", "お住まい", "送付先", "送り先", "所在地", "現住所", "番地", "どちらに",
        "場所", "address", "Address", "部屋番号", "お部屋", "団地名", "マンション名", "建物名",
        "アパート名", "号室",
    ),
    "DATE_OF_BIRTH": (
        "生年月日", "お誕生日", "誕生日", "生まれ", "date of birth", "birthday", "Date of birth",
    ),
    "PHONE_NUMBER": (
        "お電話番号", "電話番号", "お電話", "電話", "ご連絡先", "連絡先", "携帯", "折り返し",
        "つながる番号", "phone", "Phone",
    ),
    "EMAIL_ADDRESS": ("メールアドレス", "メアド", "アドレス", "メール", "e-mail", "email", "Email"),
    "BANK_ACCOUNT": ("口座番号", "口座の番号", "口座", "通帳", "ゆうちょ", "振込先", "引き落とし"),
    "HEALTH_INSURANCE_NUMBER": (
        "被保険者番号", "被保険者証", "保険証", "保険者番号", "保険の番号", "介護保険", "国保",
        "資格確認書", "記号と番号", "記号番号",
    ),
    "PENSION_NUMBER": ("基礎年金番号", "年金番号", "年金の番号", "年金手帳"),
    "MY_NUMBER": ("個人番号", "マイナンバー"),
    "POSTAL_CODE": ("郵便番号",),
    "DRIVERS_LICENSE": ("免許証", "免許"),
    "RESIDENCE_CARD": ("在留カード",),
    "PASSPORT": ("パスポート", "旅券", "passport", "Passport"),
}  # fmt: skip
_TOPIC_WORDS: tuple[tuple[str, str], ...] = tuple(
    sorted(((w, label) for label, ws in TOPICS.items() for w in ws), key=lambda x: -len(x[0]))
)
#: what makes a 記号と番号 question an insurance card's when an account is asked too
HEALTH_WORD = re.compile(r"保険|国保|後期高齢|資格確認書")
_ANY_TOPIC = re.compile("|".join(re.escape(w) for w, _ in _TOPIC_WORDS))
#: a topic word inside a longer word names something else (番号 in 受付番号 is no topic)
_NOT_TOPIC_BEFORE = ("受付", "整理", "通知書", "お客様", "お客さま", "管理", "契約", "申請")
#: how many turns after the asking one still answer it (answer, read-back, correction)
CARRY_TURNS = 4
#: how far back in its own turn a question word still names the value at hand
OWN_TURN_WINDOW = 40


@dataclass(frozen=True, slots=True)
class Turn:
    """One speaker's turn: its label ``[label_start, start)`` and content ``[start, end)``."""

    label_start: int
    start: int
    end: int
    speaker: str
    asks: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Dialogue:
    """The turns of a transcript; empty for a note that is not one."""

    text: str
    turns: tuple[Turn, ...]

    @property
    def is_transcript(self) -> bool:
        return bool(self.turns)

    def turn_index(self, pos: int) -> int | None:
        for i, turn in enumerate(self.turns):
            if turn.label_start <= pos < turn.end:
                return i
        return None

    def is_speaker_label(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside some turn's speaker label."""
        return any(t.label_start <= start and end <= t.start for t in self.turns)

    def expected_at(self, pos: int) -> tuple[str, ...]:
        """The labels the turn holding ``pos`` answers: asked by an earlier turn.

        A question word in the same turn shortly before ``pos`` decides
        first (``電話番号は、えーと、ちょっと待ってね、090の…``); else the
        nearest earlier turn that asks something, at most ``CARRY_TURNS``
        turns back (the answer, the read-back, a correction).
        """
        i = self.turn_index(pos)
        if i is None:
            return ()
        own = self.turns[i]
        # a question word earlier in the same turn is nearer than any other turn's
        recent = topics_in(self.text[max(own.start, pos - OWN_TURN_WINDOW) : pos])
        if recent:
            return (recent[-1],)
        for back in range(1, CARRY_TURNS + 1):
            k = i - back
            if k < 0:
                break
            if self.turns[k].asks:
                return self.turns[k].asks
        return ()

    def content_of(self, pos: int) -> tuple[int, int] | None:
        i = self.turn_index(pos)
        return None if i is None else (self.turns[i].start, self.turns[i].end)


def topics_in(text: str) -> tuple[str, ...]:
    """The labels a stretch of text asks about, in the order they are named."""
    if not _ANY_TOPIC.search(text):  # most stretches name none: one scan, not one a word
        return ()
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for word, label in _TOPIC_WORDS:
        for m in re.finditer(re.escape(word), text):
            s, e = m.span()
            if any(a < e and s < b for a, b in taken):
                continue
            if text[max(0, s - 4) : s].endswith(_NOT_TOPIC_BEFORE):
                continue
            taken.append((s, e))
            found.append((s, label))
    seen: list[str] = []
    for _, label in sorted(found):
        if label not in seen:
            seen.append(label)
    both = "BANK_ACCOUNT" in seen and "HEALTH_INSURANCE_NUMBER" in seen
    if both and not HEALTH_WORD.search(text):
        seen.remove("HEALTH_INSURANCE_NUMBER")  # ゆうちょの記号と番号: a passbook's pair
    return tuple(seen)


def _speaker_key(m: re.Match[str]) -> str:
    raw = m.group("bracket") or m.group("word") or m.group("letter") or ""
    square = m.group("square")
    if square:  # [オペレーター 資産税課]: the speaker word, not its department
        word = _SPEAKER_WORD.match(square)
        raw = word.group(0) if word else square
    return re.sub(r"[ \u3000]", "", raw)


_SPEAKER_WORD = re.compile(_SPEAKER_ALT)


def _labels(text: str) -> list[re.Match[str]]:
    return list(_LABEL.finditer(text))


#: a speaker's label stamped with the time this many times makes a chat log, even when
#: only the resident's label is one the list knows (10:05 相談者：… 10:09 相談者：…)
CHAT_MIN_STAMPED = 3


def _is_transcript(speakers: Sequence[str], stamped: int = 0) -> bool:
    counts = Counter(speakers)
    if stamped >= CHAT_MIN_STAMPED:
        return True  # a form names each field once, and never by the clock
    if len(counts) < 2:
        return False
    if len(speakers) >= 3 and max(counts.values()) >= 2:
        return True
    # a two-turn exchange counts when its labels are speaker words only, never field labels
    return len(speakers) == 2 and not (set(counts) & FIELD_LIKE_SPEAKERS)


#: how an operator's turn ends when it asks for something (お名前を伺ってもよろしいですか)
_ASKING_END = re.compile(
    r"(?:お願いします|お願いいたします|お願いできますか|いただけますか|よろしいですか|"
    r"でしょうか|ですか|ますか|ください|教えて(?:ください)?)[。？?]?[ \u3000]*$"
)
#: a line that is a form field (``氏名：``, ``TEL:``) rather than something said
_FIELD_LINE = re.compile(r"^[^\s：:]{1,10}[：:]")
#: an unlabelled transcript: at least this many lines, this many asking a question …
UNLABELLED_MIN_LINES = 6
UNLABELLED_MIN_ASKS = 2
#: … at most this share of form-field lines, and lines no longer than this on average
UNLABELLED_MAX_FIELD_SHARE = 0.25
UNLABELLED_MAX_MEAN_LINE = 90


def _line_turns(text: str) -> tuple[Turn, ...]:
    """A call written one turn a line with no speaker labels, as speech-to-text often does.

    Each line is a turn when the note reads as talk: enough lines, several
    of them ending in a request or question (``お名前を伺ってもよろしいですか``),
    few form fields, short lines. A letter or a form stays one block.
    """
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text) if m.group().strip()]
    if len(lines) < UNLABELLED_MIN_LINES:
        return ()
    said = [text[a:b] for a, b in lines]
    asks = sum(1 for line in said if _ASKING_END.search(line))
    fields = sum(1 for line in said if _FIELD_LINE.match(line.strip()))
    mean = sum(map(len, said)) / len(said)
    if (
        asks < UNLABELLED_MIN_ASKS
        or fields > UNLABELLED_MAX_FIELD_SHARE * len(said)
        or mean > UNLABELLED_MAX_MEAN_LINE
    ):
        return ()
    return tuple(Turn(a, a, b, "", topics_in(text[a:b])) for a, b in lines)


#: any short label at a line start (住：, オ：, 客), Op)): a speaker when labels alternate;
#: in a chat log, after the time, a longer one too (a display name, 市（国保年金課）:)
_GENERIC_LABEL = re.compile(
    r"^[ \u3000]*(?:"
    r"([^\s：:)）「」\d]{1,4})[ \u3000]*[：:)）]"
    r"|[\[［(（]?\d{1,2}[:：]\d{2}(?:[:：]\d{2})?[\]］)）]?[ \u3000]*"
    r"([^\s：:「」\d][^：:\n「」]{0,19}?)[ \u3000]*[：:]"
    r")[ \u3000]*",
    re.MULTILINE,
)
_BRACKETED = re.compile(r"[(（][^)）\n]*[)）]")
#: how many labelled lines, and at most how many distinct speakers, make a transcript
GENERIC_MIN_LINES = 4
GENERIC_MAX_SPEAKERS = 3


def _generic_turns(text: str) -> tuple[Turn, ...]:
    """Turns behind labels no list knows (``住：`` and ``オ：`` in a dialect call).

    Only when a few labels take turns, each at least twice (or every message is
    stamped with the time, as a chat log does), and none is a form field (``氏名：``,
    ``電話：``): a form names each field once.
    """
    labels = list(_GENERIC_LABEL.finditer(text))
    keys = [m.group(1) or m.group(2) for m in labels]
    counts = Counter(keys)
    # a log stamping every message with the time is a chat however few its messages
    stamped = len(labels) >= CHAT_MIN_STAMPED and all(m.group(2) for m in labels)
    if (
        (len(labels) < GENERIC_MIN_LINES and not stamped)
        or not 2 <= len(counts) <= GENERIC_MAX_SPEAKERS
        or (min(counts.values()) < 2 and not stamped)
        # a field is named by its label, not by the desk in brackets (市（国保年金課）)
        or any(topics_in(_BRACKETED.sub("", k)) for k in counts)
        or not any(keys[i] != keys[i + 1] for i in range(len(keys) - 1))
    ):
        return ()
    return _turns_behind(text, labels, keys)


def _turns_behind(
    text: str, labels: Sequence[re.Match[str]], speakers: Sequence[str]
) -> tuple[Turn, ...]:
    """One turn per speaker label, running up to the next label."""
    turns: list[Turn] = []
    for k, m in enumerate(labels):
        end = labels[k + 1].start() if k + 1 < len(labels) else len(text)
        start = m.end()
        turns.append(Turn(m.start(), start, end, speakers[k], topics_in(text[start:end])))
    return tuple(turns)


@lru_cache(maxsize=16)
def dialogue_of(text: str) -> Dialogue:
    """Split ``text`` into turns when it is a transcript (cached: every recognizer asks)."""
    labels = _labels(text)
    speakers = [_speaker_key(m) for m in labels]
    if not _is_transcript(speakers, sum(1 for m in labels if m.group("clock"))):
        generic = _generic_turns(text)
        if generic:
            return Dialogue(text, generic)
        return Dialogue(text, () if labels else _line_turns(text))
    return Dialogue(text, _turns_behind(text, labels, speakers))
