"""Given names after the word for who the person is, and readings said after a name.

Notes about households name people by relation and given name: ``娘の真弓が``,
``長女 あおい（H30.9.14生）``, ``夫は日本人でたけし``, ``あたしはフミ``. Callers
spell their name by saying it again in kana: ``長内、おさない``, ``江頭です、
えがしら``. Neither the model nor a field label sees these; the relation word or
the name just said does, and the dictionary must agree that the word is a name
(``娘の学校``, ``妻の実家`` are not).

Each function takes the dictionary's judgement as a predicate, so it runs
without ``ja_ginza`` and without the shipped lists.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from recognizers.person.candidate import Candidate

RELATION_SCORE = 0.55
SELF_SCORE = 0.5
SPOKEN_READING_SCORE = 0.55

#: relation words a given name follows (家族の続柄)
RELATIONS: tuple[str, ...] = (
    "長女", "次女", "三女", "長男", "次男", "三男", "娘", "息子", "妻", "夫", "嫁", "婿",
    "母", "父", "祖母", "祖父", "孫", "姉", "妹", "兄", "弟", "主人", "家内", "奥さん",
    "旦那", "配偶者", "末子", "上の子", "下の子", "上が", "下が", "真ん中が",
)  # fmt: skip
#: how a caller says "I am": the name follows
SELF_WORDS: tuple[str, ...] = ("わたしは", "私は", "あたしは", "僕は", "ぼくは", "俺は", "うちは")

_KANA = r"\u3041-\u3096\u30a1-\u30fa\u30fc"
_HAN = r"\u4e00-\u9fff\u3005"
_NAME = rf"[{_HAN}]{{1,3}}|[{_KANA}]{{2,6}}"
_END = r"(?=[がはもとにのを、。,.\s（(）)」]|です|ちゃん|くん|君|さん|様|$)"
_RELATION_WORD = "(?:" + "|".join(map(re.escape, sorted(RELATIONS, key=len, reverse=True))) + ")"
_RELATION = re.compile(
    _RELATION_WORD + rf"(?:の|は|が|[ \u3000]?[|｜│][ \u3000]?)?[ \u3000]?({_NAME}){_END}"
)
#: a relation word as a field's label, a Latin name after it (夫：Do Van Quang)
_RELATION_LATIN = re.compile(
    _RELATION_WORD
    + r"[ \u3000]?[：:][ \u3000]?([A-Z][a-zà-ỹ]+(?:[ ][A-Z][a-zà-ỹ]+){1,3})(?![A-Za-z])"
)
_SELF = re.compile(
    "(?:" + "|".join(map(re.escape, SELF_WORDS)) + rf")[ \u3000]?({_NAME})(?=です|。|、|\n|$)"
)
#: a name, then its kana after a comma or (speech-to-text) a blank: 長内、おさない,
#: 沼舘 です ぬまだて です
_SAID_AGAIN = re.compile(
    rf"([{_HAN}]{{1,4}})[ \u3000]?(?:です|でございます|だ|どす|と申します)?"
    rf"(?:[、,][ \u3000]?|[ \u3000])([{_KANA}]{{2,8}})"
    r"(?=[、,。.\n \u3000]|です|$)"
)


_PARTICLES = frozenset("のはがをにとでもへや")
_ONE_KANJI_NAME_AFTER = re.compile(r"ちゃん|くん|君|[（(][\u3041-\u3096\u30a1-\u30fa\u30fc]")
#: a household list's entry (世帯員：長男の健（会社員）, 長男\u3000翼 就職のため): the relation
#: word opens it, and the one kanji stands alone before a bracket, a blank, a comma or the
#: line's end, as a word of one kanji rarely does
_LIST_ENTRY_BEFORE = re.compile(r"(?:^|[\s、，,：:（(・|｜│])$")
_ONE_KANJI_ENTRY_AFTER = re.compile(r"[（(、，, \u3000|｜│]|\n|$")


def relation_candidates(text: str, is_given: Callable[[str], bool]) -> list[Candidate]:
    """Known given names right after a relation word or a caller's "I am"."""
    out: list[Candidate] = []
    for m in _RELATION.finditer(text):
        if (
            len(m.group(1)) == 1
            and not _ONE_KANJI_NAME_AFTER.match(text, m.end(1))
            and not (
                _LIST_ENTRY_BEFORE.search(text, max(0, m.start() - 1), m.start())
                and _ONE_KANJI_ENTRY_AFTER.match(text, m.end(1))
            )
        ):
            # 子の上, 母艦: one kanji is a name only with ちゃん/くん, its reading, or
            # standing alone in a household list's entry
            continue
        if m.group(1)[0] in _PARTICLES:
            continue  # 父のこと: the particle, not a name that starts with it
        if is_given(m.group(1)):
            out.append(Candidate(m.start(1), m.end(1), "relation", RELATION_SCORE))
    for m in _RELATION_LATIN.finditer(text):
        out.append(Candidate(m.start(1), m.end(1), "relation", RELATION_SCORE))
    for m in _SELF.finditer(text):
        if is_given(m.group(1)):
            out.append(Candidate(m.start(1), m.end(1), "self_named", SELF_SCORE))
    return out


#: what a caller says just before giving a name on an answering machine or the phone
#: (あの やまもと です, エート スズキ デス, お電話しました のなか です)
INTRO_LEADS: tuple[str, ...] = (
    "あの", "あのー", "あのう", "えー", "えーと", "えっと", "ええと", "もしもし", "こちら",
    "こちらは", "わたし", "わたくし", "私", "アノ", "エー", "エート", "エット", "モシモシ",
    "電話しました", "お電話しました", "お世話になります", "お世話になっております",
)  # fmt: skip
#: the copula or the verb of a self-introduction after the name
INTRO_TAILS: tuple[str, ...] = (
    "です", "と申します", "でございます", "と言います", "といいます", "デス", "ト申シマス",
)  # fmt: skip
#: adjectives a caller may say after a filler that read like a surname (高井, 長井)
INTRO_NOT_NAMES = frozenset(
    {
        "たかい", "ながい", "ひろい", "やすい", "ちかい", "とおい", "おおい", "はやい", "おそい",
        "ふるい", "わかい", "あつい", "さむい", "つよい", "よわい", "うまい", "からい", "あまい",
        "ふかい", "あさい", "おもい", "かるい", "くらい", "すごい", "こわい", "いたい", "ほしい",
    }
)  # fmt: skip
INTRO_SCORE = 0.55
_INTRO = re.compile(
    # a filler opens a word; a verb (電話しました) may close a longer phrase
    r"(?:(?:^|(?<=[\s、,。]))(?:"
    + "|".join(map(re.escape, sorted(INTRO_LEADS, key=len, reverse=True)))
    + r")|(?:しました|します|ております|なります))"
    + rf"[ \u3000、,]+([{_KANA}]{{3,7}})[ \u3000]?(?="
    + "|".join(map(re.escape, INTRO_TAILS))
    + ")",
    re.MULTILINE,
)


def introduced_kana_candidates(text: str, is_surname: Callable[[str], bool]) -> list[Candidate]:
    """A surname said in kana on its own after a filler: ``あの やまもと です``.

    Speech-to-text writes a caller's name in kana, and a caller on an answering machine
    says the surname alone; the filler before it and the copula after it frame a name,
    and the dictionary must know the kana as a surname.
    """
    out: list[Candidate] = []
    for m in _INTRO.finditer(text):
        word = m.group(1)
        if word not in INTRO_NOT_NAMES and is_surname(word):
            out.append(Candidate(m.start(1), m.end(1), "introduced_kana", INTRO_SCORE))
    return out


#: the kana first, then the kanji it reads (わたし かわばた、川端よし子と申します)
_KANA_THEN_KANJI = re.compile(rf"(?<![{_KANA}])([{_KANA}]{{3,12}})[、,][ \u3000]?([{_HAN}]{{1,4}})")


def spoken_reading_candidates(
    text: str,
    is_name: Callable[[str], bool],
    is_reading: Callable[[str], bool],
    reads_as: Callable[[str, str], bool] | None = None,
) -> list[Candidate]:
    """A name said, then said again in kana: ``長内、おさない``; the kana is a reading.

    ``reads_as(kanji, kana)``: the kana is how the kanji before it is read (the
    tokenizer's reading). A word followed by its own reading is a caller
    spelling a name, rare surnames included, so then the kanji is a name too.
    """
    out: list[Candidate] = []
    for m in _SAID_AGAIN.finditer(text):
        kanji, kana = m.group(1), m.group(2)
        if reads_as is not None and reads_as(kanji, kana):
            out.append(Candidate(m.start(1), m.end(1), "spoken_reading", SPOKEN_READING_SCORE))
            out.append(Candidate(m.start(2), m.end(2), "spoken_reading", SPOKEN_READING_SCORE))
        elif is_name(kanji) and is_reading(kana):
            out.append(Candidate(m.start(2), m.end(2), "spoken_reading", SPOKEN_READING_SCORE))
    if reads_as is not None:
        for m in _KANA_THEN_KANJI.finditer(text):
            out += _kana_read_as_the_kanji(m, reads_as)
    return out


def _kana_read_as_the_kanji(
    m: re.Match[str], reads_as: Callable[[str, str], bool]
) -> list[Candidate]:
    """The end of the kana run (わたし|かわばた) that reads the start of the kanji run
    (川端|よし子: the kanji run may hold the given name too): both are names."""
    run, kanji = m.group(1), m.group(2)
    for skip in range(len(run) - 2):
        kana = run[skip:]
        for cut in range(len(kanji), 0, -1):
            if reads_as(kanji[:cut], kana):
                start = m.start(1) + skip
                return [
                    Candidate(start, m.end(1), "spoken_reading", SPOKEN_READING_SCORE),
                    Candidate(m.start(2), m.start(2) + cut, "spoken_reading", SPOKEN_READING_SCORE),
                ]
    return []
