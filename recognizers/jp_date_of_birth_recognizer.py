"""Dates of birth in Japanese notes (生年月日), in any calendar.

What: a date given as someone's birth date. Every other date in a note (an
appointment, a due date, a date of death) is not personal data by our rules,
so the *birth signal* around a date decides, not the date's shape.

Forms matched (on the normalized text, so kanji and full-width numerals are
ASCII digits already):

* Japanese era, kanji: ``昭和45年3月2日``, ``昭和12年の4月15日``, ``平成元年1月8日``;
* Japanese era, initial: ``S45.3.2``, ``H1.3.31``, ``R3/7/19`` (M, T, S, H, R);
* Western: ``1970/03/02``, ``1970-03-02``, ``1970.3.2``, ``1976年2月29日``;
* year and month before ``生まれ`` (``昭和45年3月生まれ``);
* month and day alone only right after a birthday label (``誕生日は3月2日``).

Validation: the date must exist (``2月29日`` only in leap years), must not lie
after today (an injected clock), and an era year must fall inside its era
(``昭和64年`` ends on 1月7日, ``令和元年`` starts on 5月1日).

Birth signal, strongest first:

1. ``生``/``生まれ``/``産まれ``/``誕生`` right after the date (``6月14日生）``) → 1.0;
2. a date label right after it (``に来庁``, ``まで``, ``死亡``, ``期限``…) → not a birth date;
3. the nearest date label before it on the same line, with no other date in
   between, is a birth label (``生年月日``, ``誕生日``, ``生まれ``, ``出生``) → 0.9,
   and a non-birth label (``受付日``, ``期限``, ``来庁``…) → not a birth date.
   The window is wide enough for transcripts, where the name comes between
   question and answer (``お名前と生年月日を … 大野ひなたで 令和6年11月8日です``);
4. the date opens a parenthesis after a word that is not a date label
   (``高橋 健一様（昭和32年6月14日…``, ``吉田 正雄（S10.2.3）``) → 0.7;
5. in speech, a full date said on its own after a pause and a name-like word
   (not a particle, not a time word) and before ``です`` or another pause
   (``母は ふくだきみこ 昭和12年の4月15日 です``) → 0.55;
6. in a transcript, a date in a turn answering a turn that asked for the
   birth date (``recognizers.dialogue``), with no other date label → 0.8.

Anything else scores 0.1, below the service's threshold.

Reference: 元号法 (昭和54年法律第43号); 改元の政令 (平成元年政令第1号,
平成31年政令第143号) for the era boundaries.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import ClassVar, NamedTuple

from presidio_analyzer import Pattern, RecognizerResult

from recognizers.base import NormalizedPatternRecognizer
from recognizers.dialogue import dialogue_of
from recognizers.export_keys import key_before
from recognizers.foreign_cardinals import CARDINAL, cardinal_value
from recognizers.normalize import NormalizedText
from recognizers.table_columns import column_header


class Era(NamedTuple):
    name: str
    initial: str
    first_day: date
    last_day: date | None


#: Japanese eras since the Gregorian calendar (明治6年); the first day of each
#: is also the last of the one before (改元 took effect during the day).
ERAS: tuple[Era, ...] = (
    Era("明治", "M", date(1868, 1, 25), date(1912, 7, 30)),
    Era("大正", "T", date(1912, 7, 30), date(1926, 12, 25)),
    Era("昭和", "S", date(1926, 12, 25), date(1989, 1, 7)),
    Era("平成", "H", date(1989, 1, 8), date(2019, 4, 30)),
    Era("令和", "R", date(2019, 5, 1), None),
    # Taiwan's calendar (民國78年 = 1989), which Taiwanese residents' documents use
    Era("民国", "", date(1912, 1, 1), None),
    Era("民國", "", date(1912, 1, 1), None),
)
_ERA_BY_KEY = {key: era for era in ERAS for key in (era.name, era.initial) if key}
#: a form's era chosen by circling one of 昭・平・令, which a scan writes as (平) or (○平成)
_CIRCLED_ERA = re.compile(r"^[(（]○?(明治|大正|昭和|平成|令和|明|大|昭|平|令)[)）]\s*")
_ERA_BY_FIRST_KANJI = {era.name[0]: era.name for era in ERAS[:5]}
#: …or by ticking its box: □明治 □大正 ■昭和 □平成 51年4月3日
_BOXES_AFTER = r"(?:[ \u3000]*[□☐][ \u3000]?(?:明治|大正|昭和|平成|令和))*[ \u3000]*"
_TICK = "[■☑☒✓✔]"
_TICKED_ERA = re.compile(rf"^{_TICK}[ \u3000]?(明治|大正|昭和|平成|令和){_BOXES_AFTER}")
#: …or printed as a list to circle, the circle lost in the scan: 明・大・昭・平・令 55年7月19日
_ERA_OPTIONS = re.compile(r"^((?:[明大昭平令][・･/／ \u3000]*){2,5})")
#: an era written by its first kanji (昭52.8.3), not the end of a word (東大52.8.3)
_ONE_KANJI_ERA = re.compile(r"^([明大昭平令])\s?(?=\d)")
#: a date written as eight digits (19871122), as systems export it
_COMPACT = re.compile(r"^((?:18|19|20)\d{2})(\d{2})(\d{2})$")
_FIRST_WESTERN_YEAR = 1868

_ERA_KANJI = "|".join(era.name for era in ERAS)
_ERA_INITIALS = "".join(era.initial for era in ERAS)

_YEAR = r"(?:\d{1,2}|元)"
#: what a speaker puts between year, month and day: pauses, の, fillers (年の、えーと、9月)
_PAUSE = r"(?:[\s、,の]|えーと|えっと|えー|あの)*"
_KANJI_DATE = rf"\s*年{_PAUSE}\d{{1,2}}\s*月{_PAUSE}\d{{1,2}}\s*日"
#: an era said in kana, as speech-to-text writes it when the number after it failed
_ERA_KANA: dict[str, str] = {
    "しょうわ": "昭和", "ショウワ": "昭和", "しょーわ": "昭和", "へいせい": "平成",
    "ヘイセイ": "平成", "れいわ": "令和", "レイワ": "令和", "たいしょう": "大正",
    "タイショウ": "大正", "めいじ": "明治", "メイジ": "明治",
}  # fmt: skip
_ANY_ERA = "|".join([*(era.name for era in ERAS[:5]), *_ERA_KANA])
#: what a speaker says between an era and the date they finally give: pauses, fillers,
#: a correction, a number begun and dropped (しょうわ、さんじゅう…さんじゅうはちねん), a
#: year said twice (昭和13年…13年の), another era taken back (昭和、あ、大正じゃないな、昭和6年)
_RESTART_WORD = (
    r"[、,…。 \u3000]|\.{2,}|えー+と?|えっと|ええと|あの+ー?|あっ?|いや|いえ|違う|ちがう|違った|"
    r"ちがった|じゃなくて|じゃないな|じゃない|ではなく|すみません|すいません|ごめんなさい|間違えた|"
    rf"[ぁ-ゖァ-ヺー]{{1,8}}|\d{{1,2}}\s*年|{_ANY_ERA}"
)
#: the whole stretch: an era first, at most RESTART_MAX characters of such words, then the
#: date (its own era right before it, or the one said first)
RESTART_MAX = 30
_RESTARTED = re.compile(
    rf"^(?P<lead>(?:{_ANY_ERA})(?:{_RESTART_WORD})+?)(?P<date>\d{{1,2}}\s*年{_PAUSE}\d{{1,2}}\s*月"
    rf"{_PAUSE}\d{{1,2}}\s*日)$"
)
#: a blank after each dot, as scans write it (H12. 3. 29)
_DOTTED_DATE = r"[ \u3000]?([./-])[ \u3000]?\d{1,2}[ \u3000]?\1[ \u3000]?\d{1,2}(?![\d.]|-\d)"
_ERA_PREFIX = (
    rf"(?:(?:{_ERA_KANJI})\s*|(?<![A-Za-z])[{_ERA_INITIALS}{_ERA_INITIALS.lower()}]\.?\s?)"
)
_WESTERN_YEAR = r"(?<![\d./-])(?:18|19|20)\d{2}"

#: month names in English, Spanish, Portuguese, Tagalog, Indonesian and French (foreign
#: residents' own formats)
MONTH_NAMES: dict[str, int] = {
    name: i
    for i, names in enumerate(
        (
            ("january", "jan", "enero", "janeiro", "januari", "janvier"),
            (
                "february",
                "feb",
                "febrero",
                "fevereiro",
                "pebrero",
                "februari",
                "février",
                "fevrier",
            ),
            ("march", "mar", "marzo", "março", "marco", "marso", "maret", "mars"),
            ("april", "apr", "abril", "avril"),
            ("may", "mayo", "maio", "mei", "mai"),
            ("june", "jun", "junio", "junho", "hunyo", "juni", "juin"),
            ("july", "jul", "julio", "julho", "hulyo", "juli", "juillet"),
            ("august", "aug", "agosto", "agustus", "août", "aout"),
            (
                "september",
                "sep",
                "sept",
                "septiembre",
                "setiembre",
                "setembro",
                "setyembre",
                "septembre",
            ),
            ("october", "oct", "octubre", "outubro", "oktubre", "oktober", "octobre"),
            ("november", "nov", "noviembre", "novembro", "nobyembre", "novembre"),
            (
                "december",
                "dec",
                "diciembre",
                "dezembro",
                "disyembre",
                "desember",
                "décembre",
                "decembre",
            ),
        ),
        1,
    )
    for name in names
}
#: Nepal's Bikram Sambat months, as Nepali residents romanize them (2052 saal Kartik 15)
NEPALI_MONTHS: dict[str, int] = {
    name: i
    for i, names in enumerate(
        (
            ("baisakh", "baishakh", "vaisakh"), ("jestha", "jeth", "jeth"),
            ("asar", "ashadh", "asadh", "asar"), ("shrawan", "saun", "sawan", "srawan"),
            ("bhadra", "bhadau"), ("asoj", "ashwin", "aswin"), ("kartik", "kartika"),
            ("mangsir", "mangshir", "marga"), ("poush", "push", "paush", "pus"),
            ("magh", "mag"), ("falgun", "fagun", "phalgun"), ("chaitra", "chait"),
        ),
        1,
    )
    for name in names
}  # fmt: skip
_NEPALI_MONTHS = "|".join(
    sorted({n.capitalize() for n in NEPALI_MONTHS} | set(NEPALI_MONTHS), key=len, reverse=True)
)
#: Thai months; a Thai year counts from 543 BC (2533 is 1990)
THAI_MONTHS: dict[str, int] = {
    name: i
    for i, name in enumerate(
        (
            "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
            "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
        ),
        1,
    )
}  # fmt: skip
_THAI_MONTHS = "|".join(THAI_MONTHS)
BUDDHIST_ERA_OFFSET = 543
#: the same months as an interpreter writes them in katakana (2052年カルティク月15日)
NEPALI_MONTHS_KATAKANA: dict[str, str] = {
    "バイサク": "baisakh", "バイサーク": "baisakh", "ジェスタ": "jestha", "ジェト": "jeth",
    "アサール": "asar", "アサド": "asadh", "シュラワン": "shrawan", "サウン": "saun",
    "バドラ": "bhadra", "バドゥラ": "bhadra", "アソジ": "asoj", "カルティク": "kartik",
    "カールティク": "kartik", "マンシル": "mangsir", "ポウス": "poush", "プス": "push",
    "マグ": "magh", "マーグ": "magh", "ファルグン": "falgun", "パルグン": "phalgun",
    "チャイトラ": "chaitra", "チェト": "chait",
}  # fmt: skip
_NEPALI_KATAKANA = "|".join(sorted(NEPALI_MONTHS_KATAKANA, key=len, reverse=True))
_NEPALI_KATAKANA_PARSE = re.compile(
    rf"^((?:19|20)\d{{2}})\s*年\s*({_NEPALI_KATAKANA})月?\s*(\d{{1,2}})\s*日$"
)
#: eras in romaji (Showa 12, March 20; Heisei 10-nen 3-gatsu 29-nichi)
ROMAJI_ERAS: dict[str, str] = {
    "meiji": "明治", "taisho": "大正", "taishō": "大正", "showa": "昭和", "shōwa": "昭和",
    "heisei": "平成", "reiwa": "令和",
}  # fmt: skip
_ROMAJI_ERAS = "|".join(
    sorted({n.capitalize() for n in ROMAJI_ERAS} | set(ROMAJI_ERAS), key=len, reverse=True)
)
_MONTHS = "|".join(
    sorted({n.capitalize() for n in MONTH_NAMES} | set(MONTH_NAMES), key=len, reverse=True)
)
_WESTERN_PARSE = re.compile(
    r"^(?:(?P<d1>\d{1,2})(?P<sep>[/.-])(?P<m1>\d{1,2})(?P=sep)(?P<y1>\d{4})"
    r"|(?P<d2>\d{1,2})(?:(?:st|nd|rd|th)?\.? (?:de |of )?(?P<mn2>[A-Za-zçéû]+)\.?,?(?: de)? "
    r"|-(?P<mn5>[A-Za-z]+)-)(?P<y2>\d{4})"
    r"|(?P<mn3>[A-Za-zçéû]+)\.? (?P<d3>\d{1,2})(?:st|nd|rd|th)?,? (?P<y3>\d{4})"
    r"|(?P<y4>\d{4}),? (?P<mn4>[A-Za-zçéû]+)\.? (?P<d4>\d{1,2})(?:st|nd|rd|th)?)$"
)


_NEPALI_PARSE = re.compile(r"^(\d{4}) (?:saal |sal )?([A-Za-z]+)\.? (\d{1,2})$")
_ROMAJI_ERA_PARSE = re.compile(
    r"^([A-Za-zō]+) (\d{1,2})(?:,? ([A-Za-z]+)\.? (\d{1,2})|[ -]nen,? (\d{1,2})[ -]gatsu,? "
    r"(\d{1,2})[ -]nichi)$"
)
#: Bikram Sambat runs about 56 years 8 months ahead; its months have up to 32 days
_BS_OFFSET = 57
_BS_LONGEST_MONTH = 32


def _parse_nepali_or_romaji_era(text: str) -> date | None:
    """A Nepali or romaji-era date (``date.max`` when it has that shape but no such day).

    A Bikram Sambat date is not converted day for day (no table ships here): it
    counts as a date when its month and day exist, dated by its Gregorian year.
    """
    text = text.strip()
    if m := _NEPALI_KATAKANA_PARSE.match(text):  # 2052年カルティク月15日 → 2052 Kartik 15
        text = f"{m[1]} {NEPALI_MONTHS_KATAKANA[m[2]]} {m[3]}"
    if m := _NEPALI_PARSE.match(text):
        year, month_name, day = int(m[1]), m[2].lower(), int(m[3])
        if month_name in NEPALI_MONTHS:
            ok = 1 <= day <= _BS_LONGEST_MONTH and year - _BS_OFFSET >= _FIRST_WESTERN_YEAR
            return date(year - _BS_OFFSET, 1, 1) if ok else date.max
        month = MONTH_NAMES.get(month_name)
        if month is None:
            return date.max
        try:
            return date(year, month, day)
        except ValueError:
            return date.max
    if m := _ROMAJI_ERA_PARSE.match(text):
        era = ROMAJI_ERAS.get(m[1].lower())
        month = MONTH_NAMES.get(m[3].lower()) if m[3] else int(m[5])
        day = int(m[4] or m[6])
        if era is None or month is None:
            return date.max
        return era_to_date(era, m[2], month, day) or date.max
    return None


def parse_western(text: str) -> date | None:
    """A date written the way foreign residents' documents do, or None.

    ``03/11/1990`` is read day first (as in most of the world) and, when that
    day does not exist, month first; ``27 March 1991``, ``Nov 3, 1990``,
    ``9 de abril de 2007``, ``the 3rd of March, 1990``, ``2022, July 18`` by the
    month's name.
    """
    m = _WESTERN_PARSE.match(text.strip())
    if m is None:
        return None
    try:
        if m["y1"]:
            d, mo, y = int(m["d1"]), int(m["m1"]), int(m["y1"])
            for day, month in ((d, mo), (mo, d)):
                try:
                    return date(y, month, day)
                except ValueError:
                    continue
            return None
        k = next(k for k in "234" if m["y" + k])
        named = MONTH_NAMES.get(str(m["mn" + k] or m["mn5"]).lower())
        return date(int(m["y" + k]), named, int(m["d" + k])) if named else None
    except ValueError:
        return None


# A date is parsed again from the matched canonical text to validate it.
_PARSE = re.compile(
    rf"^(?:(?P<era>{_ERA_KANJI}|[{_ERA_INITIALS}{_ERA_INITIALS.lower()}])\.?\s*)?"
    rf"(?:(?P<year>\d{{1,4}}|元)\s*(?:年{_PAUSE}|[./-])\s*)?"
    rf"(?:(?P<month>\d{{1,2}})\s*(?:月{_PAUSE}|[./-])\s*)"
    r"(?:(?P<day>\d{1,2})\s*日?)?$"
)

_TAGALOG_ORDINAL = re.compile(r"^\s*ika-?(\d{1,2}) ng ")
_YEAR_ONLY = re.compile(
    rf"^(?:(?P<era>{_ERA_KANJI}|[{_ERA_INITIALS}{_ERA_INITIALS.lower()}])\.?\s*)?"
    r"(?P<year>\d{1,4}|元)\s*年$"
)
_IBERIAN_PARSE = re.compile(r"^(.+?) de ([A-Za-zçéû]+) (?:de|del) (.+)$", re.IGNORECASE)
_CHINESE_DAY = re.compile(r"[号號]$")
_THAI_PARSE = re.compile(rf"^(\d{{1,2}})\s?({_THAI_MONTHS})\s?(25\d{{2}})$")
_VIETNAMESE_PARSE = re.compile(r"^(?P<d>\d{1,2}) tháng (?P<m>\d{1,2}),? năm (?P<y>\d{4})$")
_GLOSS = re.compile(r"\s*[(（][^)）\n]{1,10}[)）]\s*")

#: right after the date: the person was born then
_BORN_AFTER = re.compile(
    r"^\s*[)）]?\s*(?:に)?(?:生まれ|産まれ|生れ|誕生|出生(?![届証率数])|生(?![活徒産命存涯計協]))"
)
#: right after the date, on its line: it dates something else. Not a speaker label
#: (``…14日 受付：ありがとうございます``: the operator's next turn, not 受付 of the date)
_OTHER_AFTER = re.compile(
    r"^[ \t\u3000]*(?:に(?!な[っりるら])|まで|から|より|以降|以前|以内|付|頃|ごろ|予定|期限|締切|"
    r"死亡|没|逝去|死去|転入|転出|来庁|来所|受付|提出|支払|納付|納期|開始|終了|入院|退院|入所|退所|婚姻|離婚|"
    r"届出|申請|交付|発行|取得|喪失|満了|有効|失効|現在|時点|分)(?![ \u3000]*[:：])"
    # a clock time or a weekday: a note's header stamp (受信 2024/11/08 19:42, R6.12.2 月)
    r"|^[ \t\u3000]*(?:\d{1,2}[:：]\d{2}|[(（]?[月火水木金土日](?:曜日?)?[)）])"
)
_BIRTH_LABEL = re.compile(
    r"生年月日|誕生日|生まれ|産まれ|出生|生年|誕生|DOB|D\.O\.B|[Dd]ate of [Bb]irth|[Bb]orn|"
    r"[Bb]irthday|[Ff]echa de nacimiento|[Dd]ata de nascimento|[Nn]ascid[oa]|ngày sinh|sinh ngày|"
    r"생년월일|출생"
)
_OTHER_LABEL = re.compile(
    r"受付|期限|納期|締切|来庁|来所|予約|申請日|交付日|発行日|届出日|提出日|支払日|死亡|"
    r"転入日|転出日|異動日|変更日|取得日|喪失日|開始日|終了日|入院|退院|入所|退所|婚姻|"
    r"収集日|予定|有効|満了|作成日|記入日|日付|日時|年度"
)
_DATE_IN_WINDOW = re.compile(r"\d{1,2}\s*日|\d{1,2}[./-]\d{1,2}(?!\d)")
_PAREN_OPEN = re.compile(r"[(（]\s*$")
_NOT_A_NAME_BEFORE_PAREN = re.compile(r"(?:日|期限|期間|時|予定|年度|付|現在|時点)\s*[(（]\s*$")
#: the word said just before a date, separated by a pause (a blank)
_WORD_BEFORE = re.compile(r"(?:^|[\s、。])([\u3041-\u30ff\u4e00-\u9fff]+)\s+$")
#: words that end in a particle or speak of time are not a name
_NOT_A_NAME_WORD = re.compile(
    r"[はがをにへとものか]$|[年月日週前後頃時今先来昨]"
    r"|[課係局室所]$|窓口|相談|受信|受付|メモ|センター|チャット"  # a desk's header, no caller
)
_SPOKEN_ANSWER_AFTER = re.compile(r"^(?:\s*(?:です|でございます)|\s|$)")

#: how many rows above a table row its header may stand
TABLE_HEADER_ROWS = 8
BORN_AFTER_SCORE = 1.0
LABEL_SCORE = 0.9
PAREN_SCORE = 0.7
SPOKEN_SCORE = 0.55
DIALOGUE_SCORE = 0.8
NO_SIGNAL_SCORE = 0.1


def era_to_date(era_key: str | None, year: str, month: int, day: int) -> date | None:
    """The Gregorian date of a (possibly era) date, or None if it does not exist."""
    try:
        if era_key is None:
            if year == "元" or int(year) < _FIRST_WESTERN_YEAR:
                return None
            return date(int(year), month, day)
        era = _ERA_BY_KEY[era_key.upper() if len(era_key) == 1 else era_key]
        n = 1 if year == "元" else int(year)
        if n < 1:
            return None
        when = date(era.first_day.year + n - 1, month, day)
    except (ValueError, KeyError):
        return None
    if when < era.first_day or (era.last_day is not None and when > era.last_day):
        return None
    return when


#: a date listed after a birth date, at most this many characters after it
LIST_GAP = 16
#: something other than a pause between two listed dates (a bare 、 may open another date)
_LIST_WORD = re.compile(r"[^\s、,。.・/（）()]")
#: a line that leads into the next: it ends with a colon
_LEAD_IN_END = re.compile(r"[:：][ \u3000]*$")


def _spaced_label(word: str) -> str:
    """A label word as a pattern, letter-spaced too where it is kanji (生 年 月 日, as a
    form's heading spreads it over its box)."""
    if len(word) > 1 and all("\u4e00" <= ch <= "\u9fff" for ch in word):
        return "[ \u3000]?".join(map(re.escape, word))
    return re.escape(word)


class JpDateOfBirthRecognizer(NormalizedPatternRecognizer):
    """Finds dates in any Japanese calendar and scores them by their birth signal."""

    ENTITY: ClassVar[str] = "DATE_OF_BIRTH"
    PATTERNS: ClassVar[list[Pattern]] = [
        Pattern("era_date", rf"(?:{_ERA_KANJI})\s*{_YEAR}{_KANJI_DATE}", NO_SIGNAL_SCORE),
        # the era, then a correction or a restart, then the date said in full: one span
        Pattern(
            "era_date_restarted",
            rf"(?:{_ANY_ERA})(?=[^\n：:]{{1,{RESTART_MAX}}}?\d{{1,2}}\s*年)(?:{_RESTART_WORD})+?"
            rf"\d{{1,2}}{_KANJI_DATE}",
            NO_SIGNAL_SCORE,
        ),
        Pattern(
            "era_initial_date",
            rf"(?<![A-Za-z])[{_ERA_INITIALS}{_ERA_INITIALS.lower()}]\.?\s?{_YEAR}(?:{_DOTTED_DATE}|{_KANJI_DATE})",
            NO_SIGNAL_SCORE,
        ),
        Pattern(
            "western_date",
            rf"{_WESTERN_YEAR}(?:{_KANJI_DATE}|\s*{_DOTTED_DATE})",
            NO_SIGNAL_SCORE,
        ),
        Pattern(
            "year_month_born",
            rf"(?:{_ERA_PREFIX}{_YEAR}|{_WESTERN_YEAR})\s*年\s*の?\s*\d{{1,2}}\s*月"
            r"(?=\s*(?:生まれ|産まれ|生れ|生(?![活徒産命存涯計協])))",
            NO_SIGNAL_SCORE,
        ),
        # 平成6年生, 昭和15年生まれ: the year alone, said as the year of a birth
        Pattern(
            "year_born",
            rf"(?:{_ERA_PREFIX}{_YEAR}|{_WESTERN_YEAR})\s*年"
            r"(?=\s*(?:生まれ|産まれ|生れ|生(?![活徒産命存涯計協])))",
            NO_SIGNAL_SCORE,
        ),
        # 1978年（昭和53年）8月5日: the year glossed in the other calendar
        Pattern(
            "western_date_era_gloss",
            rf"{_WESTERN_YEAR}\s*年\s*[(（][^)）\n]{{1,10}}[)）]\s*\d{{1,2}}\s*月{_PAUSE}\d{{1,2}}\s*日",
            NO_SIGNAL_SCORE,
        ),
        # Vietnamese: (ngày) 14 tháng 9 năm 1998
        Pattern(
            "vietnamese_date",
            r"(?<!\d)\d{1,2} tháng \d{1,2},? năm (?:18|19|20)\d{2}(?!\d)",
            NO_SIGNAL_SCORE,
        ),
        Pattern(
            "day_first_slash",
            r"(?<![\d/.-])\d{1,2}/\d{1,2}/(?:18|19|20)\d{2}(?![\d/])",
            NO_SIGNAL_SCORE,
        ),
        # 22.11.1987, 22-11-1987: day first, as European and Latin American papers write it
        Pattern(
            "day_first_dotted",
            r"(?<![\d/.-])\d{1,2}([.-])\d{1,2}\1(?:18|19|20)\d{2}(?![\d/.-])",
            NO_SIGNAL_SCORE,
        ),
        # Chinese: 2023年10月5号 (号 for the day)
        Pattern(
            "chinese_date",
            rf"{_WESTERN_YEAR}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*[号號](?![室棟])",
            NO_SIGNAL_SCORE,
        ),
        # Thai: 12 มีนาคม 2533, the year in the Buddhist era
        Pattern(
            "thai_date",
            rf"(?<!\d)\d{{1,2}}\s?(?:{_THAI_MONTHS})\s?25\d{{2}}(?!\d)",
            NO_SIGNAL_SCORE,
        ),
        # said as words in Spanish or Portuguese: catorce de febrero de dos mil diecisiete
        Pattern(
            "spoken_iberian_date",
            rf"(?<![A-Za-zÀ-ÿ])(?:{CARDINAL}|\d{{1,2}}) de (?:{_MONTHS}) (?:de|del) "
            rf"(?:{CARDINAL}|\d{{2,4}}(?!\d))",
            NO_SIGNAL_SCORE,
        ),
        # Tagalog: ika-22 ng Nobyembre, 1987
        Pattern(
            "tagalog_ordinal_date",
            rf"(?<![A-Za-z])ika-?\d{{1,2}} ng (?:{_MONTHS}),? (?:18|19|20)\d{{2}}(?!\d)",
            NO_SIGNAL_SCORE,
        ),
        Pattern(
            "nepali_katakana_date",
            rf"(?<![\d])(?:19|20)\d{{2}}\s*年\s*(?:{_NEPALI_KATAKANA})月?\s*\d{{1,2}}\s*日",
            NO_SIGNAL_SCORE,
        ),
        Pattern(
            "day_month_name",
            rf"(?<!\d)\d{{1,2}}(?:st|nd|rd|th)?\.? (?:de |of )?(?:{_MONTHS})\.?,?(?: de)?"
            r" (?:18|19|20)\d{2}(?!\d)"
            rf"|(?<![\d-])\d{{1,2}}-(?:{_MONTHS})-(?:18|19|20)\d{{2}}(?!\d)",  # 22-Nov-1987
            NO_SIGNAL_SCORE,
        ),
        Pattern(
            "month_name_day",
            rf"(?<![A-Za-z])(?:{_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?,? (?:18|19|20)\d{{2}}(?!\d)",
            NO_SIGNAL_SCORE,
        ),
        Pattern(
            "circled_era_date",
            rf"[(（]○?(?:{_ERA_KANJI}|[明大昭平令])[)）]\s*{_YEAR}{_KANJI_DATE}",
            NO_SIGNAL_SCORE,
        ),
        Pattern(
            "ticked_era_date",
            rf"{_TICK}[ \u3000]?(?:明治|大正|昭和|平成|令和){_BOXES_AFTER}{_YEAR}{_KANJI_DATE}",
            NO_SIGNAL_SCORE,
        ),
        Pattern(
            "era_options_date",
            rf"(?<![\u4e00-\u9fff])(?:[明大昭平令][・･/／ \u3000]*){{2,5}}{_YEAR}{_KANJI_DATE}",
            NO_SIGNAL_SCORE,
        ),
        Pattern(
            "era_dotted_date",
            rf"(?:(?:{_ERA_KANJI})|(?<![\u4e00-\u9fff])[明大昭平令])\s?{_YEAR}{_DOTTED_DATE}",
            NO_SIGNAL_SCORE,
        ),
        Pattern(
            "compact_date",
            r"(?<![\d-])(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?![\d-])",
            NO_SIGNAL_SCORE,
        ),
        # 2015（H27）年5月1日: the year glossed before its 年
        Pattern(
            "western_year_gloss_date",
            rf"{_WESTERN_YEAR}\s*[(（][^)）\n]{{1,10}}[)）]\s*年{_PAUSE}\d{{1,2}}\s*月{_PAUSE}"
            r"\d{1,2}\s*日",
            NO_SIGNAL_SCORE,
        ),
        # a Nepali resident's date: a Bikram Sambat (or Gregorian) year, saal, the month
        Pattern(
            "nepali_date",
            r"(?<![\d/.-])(?:19|20)\d{2} (?:saal |sal )?"
            rf"(?:{_NEPALI_MONTHS}|{_MONTHS})\.? \d{{1,2}}(?![\d/])",
            NO_SIGNAL_SCORE,
        ),
        Pattern(
            "romaji_era_date",
            rf"(?<![A-Za-z])(?:{_ROMAJI_ERAS}) \d{{1,2}}(?:,? (?:{_MONTHS})\.? \d{{1,2}}"
            r"|[ -]nen,? \d{1,2}[ -]gatsu,? \d{1,2}[ -]nichi)(?![\d/])",
            NO_SIGNAL_SCORE,
        ),
        Pattern(
            "year_month_name_day",
            rf"(?<![\d/.-])(?:18|19|20)\d{{2}},? (?:{_MONTHS})\.? \d{{1,2}}"
            r"(?:st|nd|rd|th)?(?![\d/])",
            NO_SIGNAL_SCORE,
        ),
        Pattern(
            "month_day_after_birthday",
            r"(?<=(?:誕生日|生年月日)[はがをの:：\s]{0,3})\d{1,2}\s*月\s*の?\s*\d{1,2}\s*日",
            NO_SIGNAL_SCORE,
        ),
    ]
    CONTEXT: ClassVar[list[str]] = [
        "生年月日", "誕生日", "生まれ", "出生", "生年", "誕生", "DOB", "D.O.B", "Date of birth",
        "date of birth", "born", "Born", "birthday", "Birthday", "Fecha de nacimiento",
        "Data de nascimento", "nascido", "nascida", "ngày sinh", "sinh ngày", "생년월일", "출생",
        "nasceu em", "nació el", "nacido el", "nacida el", "Ngày sinh", "Sinh ngày", "出生日期",
        "出生年月日", "生日：", "生日:", "生日是", "Date de naissance", "date de naissance",
        "Geburtsdatum", "kapanganakan", "janma miti", "Janma miti", "birth date", "Birth date",
        "birthdate", "Birthdate", "Janma", "janma", "nacimiento", "nascimento", "tanggal lahir",
        "lahir", "생일", "née le", "né le", "sinh năm", "जन्म मिति", "ipinanganak", "naissance",
        "เกิด", "出生日", "nasci", "nací", "naci el",
        "たんじょうび", "せいねんがっぴ", "うまれ",
    ]  # fmt: skip
    #: how far back a birth label may stand from its date (transcripts put a name between)
    CONTEXT_WINDOW: ClassVar[int] = 40
    #: the dialogue decides in ``postprocess`` (``dialogue_score``), not as a boost
    DIALOGUE_CONTEXT: ClassVar[bool] = False

    def __init__(
        self,
        patterns: list[Pattern] | None = None,
        context: list[str] | None = None,
        supported_language: str = "ja",
        supported_entity: str | None = None,
        name: str | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(
            patterns=patterns,
            context=context,
            supported_language=supported_language,
            supported_entity=supported_entity,
            name=name,
        )
        self._today = today
        words = context if context is not None else list(self.CONTEXT)
        self._birth_label = (
            # in any case: notes write FECHA DE NACIMIENTO and date of birth alike
            re.compile("|".join(map(_spaced_label, words)), re.IGNORECASE)
            if words
            else _BIRTH_LABEL
        )

    def validate_result(self, pattern_text: str) -> bool | None:
        """Drop dates that do not exist or lie in the future; the score comes from context."""
        when = self.parse(pattern_text)
        if when is None or when > self._today():
            return False
        return None

    def parse(self, text: str) -> date | None:
        """The date a matched canonical string stands for (year 2000 if it has none)."""
        text = _TAGALOG_ORDINAL.sub(r"\1 ", text)  # ika-22 ng Nobyembre → 22 Nobyembre
        text = _CHINESE_DAY.sub("日", text.strip())  # 2023年10月5号 → 2023年10月5日
        thai = _THAI_PARSE.match(text)
        if thai is not None:
            try:
                month = THAI_MONTHS[thai[2]]
                return date(int(thai[3]) - BUDDHIST_ERA_OFFSET, month, int(thai[1]))
            except ValueError:
                return None
        viet = _VIETNAMESE_PARSE.match(text.strip())
        if viet is not None:
            try:
                return date(int(viet["y"]), int(viet["m"]), int(viet["d"]))
            except ValueError:
                return None
        iberian = _IBERIAN_PARSE.match(text.strip())
        if iberian is not None and not (iberian[1].isdigit() and iberian[3].isdigit()):
            return self._iberian_date(iberian)  # said in words, not typed (9 de abril de 2007)
        year_only = _YEAR_ONLY.match(text.strip())
        if year_only is not None:  # 平成6年: a day of that year in that era must exist
            era, year = year_only["era"], year_only["year"]
            if era is None and len(year) != 4:
                return None
            return era_to_date(era, year, 12, 31) or era_to_date(era, year, 1, 1)
        restarted = _RESTARTED.match(text.strip())
        if restarted is not None and len(restarted["lead"]) <= RESTART_MAX + 4:
            eras = re.findall(_ANY_ERA, restarted["lead"])
            era = _ERA_KANA.get(eras[-1], eras[-1])  # the era said last is the one meant
            return self.parse(era + restarted["date"])
        compact = _COMPACT.match(text.strip())
        if compact is not None:
            try:
                return date(*(int(g) for g in compact.groups()))
            except ValueError:
                return None
        ticked = _TICKED_ERA.match(text)
        if ticked is not None:  # ■昭和 □平成 51年4月3日 → 昭和51年4月3日
            text = ticked.group(1) + text[ticked.end() :]
        options = _ERA_OPTIONS.match(text)
        if options is not None:  # 明・大・昭・平・令 55年7月19日: a date in one of them
            rest = text[options.end() :]
            eras = [_ERA_BY_FIRST_KANJI[k] for k in options[1] if k in _ERA_BY_FIRST_KANJI]
            dates = (self.parse(era + rest) for era in eras)
            return next((d for d in dates if d is not None), None)
        one = _ONE_KANJI_ERA.match(text)
        if one is not None:  # 昭52.8.3 → 昭和52.8.3
            text = _ERA_BY_FIRST_KANJI[one.group(1)] + text[one.end() :]
        other = _parse_nepali_or_romaji_era(text)
        if other is not None:
            return other if other != date.max else None
        circled = _CIRCLED_ERA.match(text)
        if circled is not None:  # (平)元年8月30日 → 平成元年8月30日
            era = circled.group(1)
            text = _ERA_BY_FIRST_KANJI.get(era, era) + text[circled.end() :]
        text = _GLOSS.sub("", text)  # 1978年（昭和53年）8月5日 → 1978年8月5日
        m = _PARSE.match(text.strip())
        if m is None:
            return parse_western(text)
        month = int(m["month"])
        day = int(m["day"]) if m["day"] else 1
        year = m["year"]
        if year is None:  # month and day only: the day must exist in some (leap) year
            return date.min if era_to_date(None, "2000", month, day) else None
        if m["era"] is None and len(year) != 4:
            return None
        return era_to_date(m["era"], year, month, day)

    def _iberian_date(self, m: re.Match[str]) -> date | None:
        """A date said in Spanish or Portuguese words; a two-digit year (oitenta e sete)
        is the last one that lies in the past."""
        day = int(m[1]) if m[1].isdigit() else cardinal_value(m[1])
        year = int(m[3]) if m[3].isdigit() else cardinal_value(m[3])
        month = MONTH_NAMES.get(m[2].lower())
        if day is None or year is None or month is None:
            return None
        if year < 100:
            today = self._today()
            year += 1900 if year > today.year % 100 else 2000
        try:
            return date(year, month, day)
        except ValueError:
            return None

    def context_before(self, norm: NormalizedText, start: int) -> str:
        """Nothing for the base class: the birth signal is scored in ``postprocess``."""
        return ""

    def postprocess(
        self, norm: NormalizedText, results: list[RecognizerResult]
    ) -> Iterable[RecognizerResult]:
        previous: RecognizerResult | None = None
        for r in sorted(results, key=lambda x: x.start):
            r.score = self.birth_score(norm.text, r.start, r.end)
            if r.score == NO_SIGNAL_SCORE:
                r.score = self.dialogue_score(norm, r.start, r.end) or NO_SIGNAL_SCORE
            # in a table, a date's column header names it, not the date before it
            listed = previous is not None and column_header(norm.text, r.start) is None
            if r.score == NO_SIGNAL_SCORE and previous is not None and listed:
                r.score = self._listed_after(norm.text, previous, r.start, r.end)
            # final: Presidio's token-level enhancer must not add a second boost
            r.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
            if r.end > (previous.end if previous is not None else -1):
                previous = r
        return results

    def _listed_after(self, text: str, previous: RecognizerResult, start: int, end: int) -> float:
        """A date listed right after a birth date (一番上が…、真ん中が…、下が…) is one too.

        Only on the same line, a few words apart (a word, not a bare pause), with no
        other date's label between.
        """
        if previous.score <= NO_SIGNAL_SCORE or previous.end > start:
            return NO_SIGNAL_SCORE
        between = text[previous.end : start]
        if (
            len(between) > LIST_GAP
            or not _LIST_WORD.search(between)  # 、真ん中が / 、下が: a word names the next one
            or "\n" in between
            or _OTHER_LABEL.search(between)
            or _OTHER_AFTER.match(text[end : end + 8])
        ):
            return NO_SIGNAL_SCORE
        return previous.score

    def birth_score(self, text: str, start: int, end: int) -> float:
        """How surely the date at ``[start, end)`` of canonical ``text`` is a birth date."""
        after = text[end : end + 8]
        if _BORN_AFTER.match(after):
            return BORN_AFTER_SCORE
        if _OTHER_AFTER.match(after):
            return NO_SIGNAL_SCORE
        window = self._label_window(text, start)
        label = self._nearest_label(window)
        if label is None and self._opens_line(text, start):
            label = self._nearest_label(self._lead_in(text, start))
        if label == "birth" or key_before(window, self.ENTITY):  # "dob":"…", birthday=…
            return LABEL_SCORE
        if label == "other":
            return NO_SIGNAL_SCORE
        before = text[max(0, start - 12) : start]
        if _PAREN_OPEN.search(before) and not _NOT_A_NAME_BEFORE_PAREN.search(before):
            return PAREN_SCORE
        header = self._column_header(text, start)
        if header is not None:
            return LABEL_SCORE if self._nearest_label(header) == "birth" else NO_SIGNAL_SCORE
        exported = column_header(text, start)  # a CSV or TSV export's column
        if exported is not None and self._nearest_label(exported) is not None:
            return LABEL_SCORE if self._nearest_label(exported) == "birth" else NO_SIGNAL_SCORE
        if self._is_spoken_answer(text, start, end):
            return SPOKEN_SCORE
        return NO_SIGNAL_SCORE

    def dialogue_score(self, norm: NormalizedText, start: int, end: int) -> float | None:
        """A date in a turn answering one that asked for the birth date.

        ``オペ：生年月日を`` / ``客：昭和52年8月3日です``: the label is a line up.
        """
        if _OTHER_AFTER.match(norm.text[end : end + 8]):
            return None
        if not self.asked_in_dialogue(norm, start):
            return None
        # the other-date labels that count are those of the turn, not its speaker (受付：)
        window = self._label_window(norm.text, start)
        turn = dialogue_of(norm.original).content_of(norm.starts[start])
        if turn is not None:
            turn_start = norm.to_canonical(turn[0], turn[0] + 1)[0]
            window = window[max(0, len(window) - (start - turn_start)) :]
        return None if self._nearest_label(window) == "other" else DIALOGUE_SCORE

    def _column_header(self, text: str, start: int) -> str | None:
        """In a table row (``| 大野 凛 | 長女 | R5.01.27 |``), the header of the date's column.

        Scanned forms and pasted spreadsheets put the label once, in a header
        row above; the first row above with a label in that column names it.
        """
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if "|" not in line:
            return None
        column = text.count("|", line_start, start)
        pos = line_start - 1
        for _ in range(TABLE_HEADER_ROWS):
            if pos <= 0:
                return None
            above_start = text.rfind("\n", 0, pos) + 1
            cells = text[above_start:pos].split("|")
            if len(cells) > column and cells[column].strip():
                cell = cells[column].strip()
                if self._birth_label.search(cell) or _OTHER_LABEL.search(cell):
                    return cell
            pos = above_start - 1
        return None

    def _label_window(self, text: str, start: int) -> str:
        """Same line, at most CONTEXT_WINDOW back, and after the previous date."""
        window = text[max(0, start - self.CONTEXT_WINDOW) : start]
        window = window[window.rfind("\n") + 1 :]
        last_date = None
        for last_date in _DATE_IN_WINDOW.finditer(window):  # noqa: B007 - keep the last one
            pass
        return window[last_date.end() :] if last_date is not None else window

    def _opens_line(self, text: str, start: int) -> bool:
        """Whether only a few words stand between the line start and the date."""
        line_start = text.rfind("\n", 0, start) + 1
        return line_start > 0 and start - line_start <= LIST_GAP

    def _lead_in(self, text: str, start: int) -> str:
        """The end of the line before, when it leads into this one (…生年月日を読み上げ:)."""
        line_start = text.rfind("\n", 0, start) + 1
        above = text[max(0, line_start - 1 - self.CONTEXT_WINDOW) : line_start - 1]
        above = above[above.rfind("\n") + 1 :]
        return above if _LEAD_IN_END.search(above) else ""

    def _nearest_label(self, window: str) -> str | None:
        birth = [m.end() for m in self._birth_label.finditer(window)]
        other = [m.end() for m in _OTHER_LABEL.finditer(window)]
        if not birth and not other:
            return None
        if not other or (birth and max(birth) >= max(other)):
            return "birth"
        return "other"

    def _is_spoken_answer(self, text: str, start: int, end: int) -> bool:
        """A full date said on its own right after a name-like word (``ふくだきみこ 昭和12年…``)."""
        if "年" not in text[start:end] and not re.search(r"[./-]", text[start:end]):
            return False
        word = _WORD_BEFORE.search(text[max(0, start - 16) : start])
        if word is None or _NOT_A_NAME_WORD.search(word[1]):
            return False
        return bool(_SPOKEN_ANSWER_AFTER.match(text[end : end + 8]))
