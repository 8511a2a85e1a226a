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

STAFF_MARK_SCORE = 0.55
INTERPRETER_SCORE = 0.55

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
_MARK = re.compile(
    _BOUNDARY
    + "(?:"
    + "|".join(map(re.escape, sorted(MARK_WORDS, key=len, reverse=True)))
    + r")(?:[ \u3000]?[:：])?[ \u3000]{0,2}"
    + rf"([{_HAN}]{{2,4}}?|[{_KATA}]{{2,6}}?){_END}",
    re.MULTILINE,
)
_NAME = rf"[{_HAN}]{{1,4}}?|[{_KATA}・]{{1,10}}|[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?"
#: 通訳の レ です, ネパール語通訳のGurungです, 通訳者の陳と申します
_INTRODUCED = re.compile(
    rf"通訳(?:者|員|士)?の[ \u3000]?({_NAME})[ \u3000]?"
    r"(?=です|でございます|と申します|が(?:入|同席|つ|対応)|さん|[（(、。]|\n|$)"
)
#: （タパ通訳員）, 通訳 王さん: a name glued before the interpreter's title
_TITLED = re.compile(
    rf"(?:^|(?<=[\s（(【\[、,：:]))([{_KATA}・]{{1,10}}|[{_HAN}]{{2,4}}?)通訳(?:員|者|士)"
)


def staff_name_candidates(
    text: str,
    is_name: Callable[[int, int], bool],
    is_place: Callable[[int, int], bool],
) -> list[Candidate]:
    """Names after a record's mark (作成, 確認, 担当…) and in an interpreter's introduction.

    ``is_name(start, end)``: the span is a known surname or a proper noun;
    ``is_place(start, end)``: the tokenizer reads a country, a region or a
    municipality there.
    """
    out: list[Candidate] = []
    for m in _MARK.finditer(text):
        start, end = m.span(1)
        if is_name(start, end) and not is_place(start, end):
            out.append(Candidate(start, end, "staff_mark", STAFF_MARK_SCORE))
    for pattern in (_INTRODUCED, _TITLED):
        for m in pattern.finditer(text):
            start, end = m.span(1)
            word = m.group(1)
            if word in NOT_INTERPRETER_NAMES or word.endswith("語") or is_place(start, end):
                continue
            if re.fullmatch(rf"[{_HAN}]+", word) and not is_name(start, end):
                continue  # 通訳の手配です: a kanji word must be a name the lists know
            out.append(Candidate(start, end, "interpreter", INTERPRETER_SCORE))
    return out
