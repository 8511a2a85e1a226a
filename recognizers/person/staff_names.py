"""Staff names by the marks a record puts on them: who wrote, checked or interpreted.

Handovers, callback lists, tickets and scanned forms sign their lines
(``作成 堀之内　確認 安達班長``, ``集計 山ノ内``, ``起票 12/2 OP 千葉``,
``担当 秋月 ‖``), and interpreters introduce themselves (``通訳の レ です``,
``タガログ語通訳のマリセルです``, ``（タパ通訳員）``). LABELS.md makes these
staff names PERSON like any other. No field label with a colon stands before
them and Sudachi tags most such surnames as places (秋月, 千葉, 山ノ内), so
the token rules and the field rule miss them; the mark before them does not.

A record mark is a common word too (``確認 済``, ``受付 窓口``), so the word
after it counts only when ``is_name`` agrees (a known surname, a proper noun
the tokenizer does not call a country or a municipality). An interpreter's
introduction is a phrase only a name completes, so a katakana or Latin word
counts there unless it is a place or an ordinary loanword (``通訳のボランティア``).

Pure text: the dictionary's and the tokenizer's judgement come in as predicates.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from recognizers.person.candidate import Candidate
from recognizers.person.latin_names import NOT_NAME_WORDS

STAFF_MARK_SCORE = 0.55
INTERPRETER_SCORE = 0.55
ROLE_SCORE = 0.55
TITLE_SCORE = 0.55

#: words with which a record says who did something (作成 X, 確認 X, OP X)
MARK_WORDS: tuple[str, ...] = (
    "作成", "作成者", "確認", "確認者", "集計", "起票", "起票者", "記入", "記入者", "記録",
    "記録者", "記", "入力", "入力者", "受付", "受付者", "受理", "対応", "応対", "聴取",
    "報告", "報告者", "承認", "起案", "引継", "引継ぎ", "担当", "OP", "ＯＰ", "CW", "ＣＷ",
)  # fmt: skip
#: titles that may follow a staff name without a blank (安達班長, 岡田主任)
STAFF_TITLES: tuple[str, ...] = (
    "班長", "係長", "課長", "主任", "主査", "主事", "室長", "部長", "所長", "補佐", "委員",
    "相談員", "支援員", "通訳員", "通訳", "さん", "様",
)  # fmt: skip
#: the people a case record names by their role (社会福祉士 入江, 大家の小池, ケアマネ 坂口,
#: オペレーターミナミ): a known surname right after one is that person's name
ROLE_WORDS: tuple[str, ...] = (
    "社会福祉士", "介護福祉士", "精神保健福祉士", "保健師", "看護師", "介護士", "ヘルパー",
    "ケアマネ", "ケアマネジャー", "ケアマネージャー", "ケースワーカー", "相談員", "支援員",
    "専門員", "指導員", "調査員", "訪問員", "民生委員", "児童委員", "主任児童委員", "主治医",
    "医師", "担任", "園長", "校長", "教頭", "保育士", "大家", "家主", "管理人", "弁護士",
    "司法書士", "行政書士", "税理士", "後見人", "保佐人", "補助人", "職員", "係員", "事務員",
    "オペレーター", "栄養士", "薬剤師", "理学療法士", "作業療法士", "自治会長", "班長",
)  # fmt: skip
#: titles glued after a staff surname with no mark before it (柘植係長に確認, 入江保健師)
SURNAME_TITLES: tuple[str, ...] = (
    "班長", "係長", "課長", "主任", "主査", "主事", "室長", "部長", "所長", "課長補佐",
    "先生", "医師", "保健師", "看護師", "相談員", "支援員", "指導員", "ケースワーカー",
)  # fmt: skip
#: English and Portuguese words for staff before a romaji surname (Operator: Okada)
LATIN_ROLE_WORDS: tuple[str, ...] = (
    "Operator", "Interpreter", "Agent", "Staff", "Officer", "Clerk", "Caseworker",
    "Counselor", "Counsellor", "Nurse", "Teacher", "operator", "interpreter", "agent",
    "staff", "officer", "clerk", "caseworker", "counselor", "nurse", "teacher",
    "funcionária", "funcionário", "intérprete", "atendente",
)  # fmt: skip
#: loanwords an interpreter's phrase may hold that are no name
NOT_INTERPRETER_NAMES = frozenset(
    {
        "ボランティア", "サービス", "スタッフ", "センター", "オペレーター", "アプリ", "ライン",
        "タブレット", "ビデオ", "オンライン", "リモート", "コール", "ダイヤル", "デスク",
        "Service", "Center", "Desk", "Staff", "Line", "Video", "Online",
    }
)  # fmt: skip

_HAN = r"\u4e00-\u9fff\u3005ヶノ之"
_KATA = r"\u30a1-\u30fa\u30fc"
_BOUNDARY = r"(?:^|(?<=[\s（(）)【】\[\]/／|｜‖・、,，。：:]))"
_TITLE_ALT = "|".join(map(re.escape, STAFF_TITLES))
_END = rf"(?=[ \u3000\t\n）)】\]‖|｜/／、,，。]|{_TITLE_ALT}|$)"
#: a record's mark opening a word, its colon and blanks: what the staff name follows
_MARK_BEFORE = (
    _BOUNDARY
    + "(?:"
    + "|".join(map(re.escape, sorted(MARK_WORDS, key=len, reverse=True)))
    + r")(?:[ \u3000]?[:：])?[ \u3000]{0,2}"
)
_MARK = re.compile(_MARK_BEFORE + rf"([{_HAN}]{{2,4}}?|[{_KATA}]{{2,6}}?){_END}", re.MULTILINE)
#: a one-kanji surname after a mark (対応 森, 確認者：西): only alone before a blank, a
#: bracket or the line's end, and never a word a mark is often followed by
_MARK_ONE_KANJI = re.compile(
    _MARK_BEFORE + rf"([{_HAN}])(?=[ \u3000\t\n）)】\]‖|｜/／、,，。]|$)", re.MULTILINE
)
NOT_ONE_KANJI_STAFF = frozenset("中済可否等後前内外上下要未無有欄印者日時分")
_NAME = rf"[{_HAN}]{{1,4}}?|[{_KATA}・]{{1,10}}|[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?"
#: 通訳の レ です, ネパール語通訳のGurungです, 通訳者の陳と申します
_INTRODUCED = re.compile(
    rf"通訳(?:者|員|士)?の[ \u3000]?({_NAME})[ \u3000]?"
    r"(?=です|でございます|と申します|が(?:入|同席|つ|対応)|さん|[（(、。]|\n|$)"
)
#: 通訳（シルバ）：the interpreter's name in brackets after the word
_BRACKETED = re.compile(rf"通訳(?:者|員|士)?[（(]([{_KATA}・]{{2,10}}|[{_HAN}]{{2,4}})[)）]")
#: （タパ通訳員）, 通訳 王さん: a name glued before the interpreter's title
_TITLED = re.compile(
    rf"(?:^|(?<=[\s（(【\[、,：:]))([{_KATA}・]{{1,10}}|[{_HAN}]{{2,4}}?)通訳(?:員|者|士)"
)


_ROLE_END = rf"(?=[ \u3000\t\n）)】\]‖|｜/／、,，。：:にがはをとへも]|{_TITLE_ALT}|$)"
_ROLE = re.compile(
    "(?:"
    + "|".join(map(re.escape, sorted(ROLE_WORDS, key=len, reverse=True)))
    + r")(?:の|は|が|[:：])?[ \u3000]{0,2}"
    + rf"([{_HAN}]{{2,4}}?|[{_KATA}]{{2,6}}?){_ROLE_END}"
)
_TITLE_AFTER = re.compile(
    _BOUNDARY
    + rf"([{_HAN}]{{2,3}}?)(?:"
    + "|".join(map(re.escape, sorted(SURNAME_TITLES, key=len, reverse=True)))
    + r")(?=[にへがはのと、。,.（(）)\s]|から|より|$)",
    re.MULTILINE,
)
#: a romaji surname after a record's mark or a desk (担当 Yamane, 窓口 Ogawa:)
_MARK_LATIN = re.compile(
    _BOUNDARY
    + "(?:"
    + "|".join(map(re.escape, sorted((*MARK_WORDS, "窓口"), key=len, reverse=True)))
    + r")(?:[ \u3000]?[:：])?[ \u3000]{1,2}([A-Z][a-z]{1,14})(?![A-Za-z])",
    re.MULTILINE,
)
_LATIN_ROLE = re.compile(
    r"(?<![A-Za-z])(?:"
    + "|".join(map(re.escape, sorted(LATIN_ROLE_WORDS, key=len, reverse=True)))
    + r"|desk[ ]?\d{1,2})(?:[ ]bil[íi]ngue)?[ ]?[:：]?[ ]{0,2}([A-Z][a-z]{1,14}|[A-Z]{2,15})"
    r"(?![A-Za-z])"
)


def staff_name_candidates(
    text: str,
    is_name: Callable[[int, int], bool],
    is_place: Callable[[int, int], bool],
    is_romaji_surname: Callable[[str], bool] | None = None,
) -> list[Candidate]:
    """Names after a record's mark (作成, 確認, 担当…), a role (社会福祉士, 大家の), before a
    staff title (係長, 保健師), and in an interpreter's introduction.

    ``is_name(start, end)``: the span is a known surname or a proper noun;
    ``is_place(start, end)``: the tokenizer reads a country, a region or a
    municipality there; ``is_romaji_surname(word)``: a Japanese surname in romaji
    (``Okada``), the only Latin word a role before it makes a name.
    """
    out: list[Candidate] = []
    for pattern, source, score in (
        (_MARK, "staff_mark", STAFF_MARK_SCORE),
        (_ROLE, "staff_role", ROLE_SCORE),
        (_TITLE_AFTER, "staff_title", TITLE_SCORE),
    ):
        for m in pattern.finditer(text):
            start, end = m.span(1)
            if is_name(start, end) and not is_place(start, end):
                out.append(Candidate(start, end, source, score))
    for m in _MARK_ONE_KANJI.finditer(text):
        start, end = m.span(1)
        if m.group(1) not in NOT_ONE_KANJI_STAFF and is_name(start, end):
            out.append(Candidate(start, end, "staff_mark", STAFF_MARK_SCORE))
    if is_romaji_surname is not None:
        for pattern in (_LATIN_ROLE, _MARK_LATIN):
            for m in pattern.finditer(text):
                if m.group(1) not in NOT_NAME_WORDS and is_romaji_surname(m.group(1)):
                    out.append(Candidate(*m.span(1), "staff_role", ROLE_SCORE))
    for pattern in (_INTRODUCED, _TITLED, _BRACKETED):
        for m in pattern.finditer(text):
            start, end = m.span(1)
            word = m.group(1)
            if word in NOT_INTERPRETER_NAMES or word.endswith("語") or is_place(start, end):
                continue
            if re.fullmatch(rf"[{_HAN}]+", word) and not is_name(start, end):
                continue  # 通訳の手配です: a kanji word must be a name the lists know
            out.append(Candidate(start, end, "interpreter", INTERPRETER_SCORE))
    seen: set[tuple[int, int]] = set()
    once = []  # 確認 安達班長: the mark and the title name the same span
    for c in out:
        if (c.start, c.end) not in seen:
            seen.add((c.start, c.end))
            once.append(c)
    return once


_EDGE_WORDS = frozenset((*ROLE_WORDS, *MARK_WORDS))
_TITLES = tuple(sorted({*SURNAME_TITLES, *STAFF_TITLES}, key=len, reverse=True))


def role_at_edge(text: str, outer: tuple[int, int], inner: tuple[int, int]) -> bool:
    """``outer`` is ``inner`` plus the role or title around it (保健師 田村, 柘植係|長).

    A role word before a name (``保健師``, ``担当``) or the start of a title after it
    (``係`` of ``係長``) is no part of the name; a span that takes it in is a boundary
    the tokenizer or the model drew too wide.
    """
    (o_start, o_end), (i_start, i_end) = outer, inner
    if not (o_start <= i_start and i_end <= o_end) or outer == inner:
        return False
    left = text[o_start:i_start].rstrip(" \u3000:：の")
    if o_start < i_start and left not in _EDGE_WORDS:
        return False
    if i_end < o_end:
        right = text[i_end:o_end]
        return any(t.startswith(right) and text.startswith(t, i_end) for t in _TITLES)
    return True
