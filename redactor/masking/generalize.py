"""Coarsen a value instead of hiding it: address to municipality, birth date to age band.

Both are written by hand on purpose. Presidio has no generalizing operator;
a gazetteer is not needed to cut an address after its 市/区/郡…町村, because
Japanese addresses name the municipality first and mark it with a suffix; and
no installed library reads 和暦 (昭和45年, S45.3.2) or kanji numerals
(昭和四十九年七月八日), so a small parser covers the forms LABELS.md lists.

Pure functions: ``now`` is a parameter, nothing is read from the clock.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

# --- addresses -------------------------------------------------------------

# A character of a place name (kanji, kana, 々, ヶ), but not a municipality suffix
# that would let a lazy match run past the municipality into the street.
_N = r"(?:(?![市区郡])[\u3005\u3040-\u30ff\u4e00-\u9fff])"
_MUNICIPALITY = re.compile(
    r"(?:〒\s*[0-9０-９]{3}[-－ー‐]?[0-9０-９]{4}\s*)?"  # a postal code is not kept
    r"(?P<place>"
    r"(?P<pref>東京都|北海道|(?:京都|大阪)府|" + _N + r"{2,3}県)?\s*"
    r"(?:" + _N + r"{1,6}郡" + _N + r"{1,5}?[町村]"  # 郡 + town/village
    r"|" + _N + r"{1,5}市(?:" + _N + r"{1,4}区)?"  # city, and a ward of a designated city
    r"|" + _N + r"{1,4}区"  # a ward named alone (大阪市 understood)
    r"|(?(pref)" + _N + r"{1,5}?[町村]|(?!))"  # a town or village, only after a prefecture
    r"))"
)


def municipality_of(address: str) -> str | None:
    """The prefecture-and-municipality head of ``address``; None if none or if it is all of it.

    ``大阪市淀川区西中島4-6-24`` → ``大阪市淀川区``; ``城東区鴫野東1丁目`` → ``城東区``.
    A span that is only a municipality gives None: returning it would let the
    whole detected value survive masking.
    """
    match = _MUNICIPALITY.match(address.strip())
    if match is None:
        return None
    place = match.group("place").strip()
    if not place or place == address.strip():
        return None
    return place


# --- birth dates -------------------------------------------------------------

#: First Gregorian year of each era; era year 1 (元年) is that year.
_ERAS: dict[str, tuple[int, int]] = {  # name -> (first year, last era year)
    "明治": (1868, 45),
    "大正": (1912, 15),
    "昭和": (1926, 64),
    "平成": (1989, 31),
    "令和": (2019, 99),
}
_ERA_LETTERS = {"M": "明治", "T": "大正", "S": "昭和", "H": "平成", "R": "令和"}

_KANJI_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_KANJI_UNITS = {"十": 10, "百": 100, "千": 1000}
_KANJI_RUN = re.compile(r"[〇零一二三四五六七八九十百千]+")

_SEP = r"\s*(?:[./\-]|年の?|月の?)\s*"
_ERA_DATE = re.compile(
    r"(?P<era>明治|大正|昭和|平成|令和|[MTSHRmtshr])\s*\.?\s*(?P<y>\d{1,2}|元)"
    r"(?:" + _SEP + r"(?P<m>\d{1,2})(?:" + _SEP + r"(?P<d>\d{1,2}))?)?"
)
_WESTERN_DATE = re.compile(
    r"(?<!\d)(?P<y>(?:18|19|20)\d{2})(?:"
    + _SEP
    + r"(?P<m>\d{1,2})(?:"
    + _SEP
    + r"(?P<d>\d{1,2}))?)?(?!\d)"
)
_COMPACT_DATE = re.compile(r"(?<!\d)(?P<y>(?:18|19|20)\d{2})(?P<m>\d{2})(?P<d>\d{2})(?!\d)")


def _kanji_number(run: str) -> str:
    """``四十九`` → ``49``, ``一九七〇`` → ``1970`` (positional or digit-by-digit)."""
    if not any(ch in _KANJI_UNITS for ch in run):
        return "".join(str(_KANJI_DIGITS[ch]) for ch in run)
    total, digit = 0, 0
    for ch in run:
        if ch in _KANJI_UNITS:
            total += (digit or 1) * _KANJI_UNITS[ch]
            digit = 0
        else:
            digit = _KANJI_DIGITS[ch]
    return str(total + digit)


def _canonical(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    return _KANJI_RUN.sub(lambda m: _kanji_number(m.group()), text)


def parse_birth_date(text: str) -> date | None:
    """The date in ``text`` (和暦, era letters, 西暦, kanji or full-width digits), else None.

    A missing month or day is taken as 1 July or the 1st: an age band needs the
    year, and the middle of the year errs by at most half a year.
    """
    canon = _canonical(text)
    era = _ERA_DATE.search(canon)
    if era is not None:
        name = _ERA_LETTERS.get(era["era"].upper(), era["era"])
        first, last = _ERAS[name]
        era_year = 1 if era["y"] == "元" else int(era["y"])
        if not 1 <= era_year <= last:
            return None
        return _date(first + era_year - 1, era["m"], era["d"])
    western = _COMPACT_DATE.search(canon) or _WESTERN_DATE.search(canon)
    if western is not None:
        return _date(int(western["y"]), western["m"], western["d"])
    return None


def _date(year: int, month: str | None, day: str | None) -> date | None:
    try:
        return date(year, int(month) if month else 7, int(day) if day else 1)
    except ValueError:
        return None


def age_on(born: date, now: datetime) -> int:
    today = now.date()
    return today.year - born.year - ((today.month, today.day) < (born.month, born.day))


def age_band(text: str, now: datetime) -> str | None:
    """``<40代>`` for someone born as ``text`` says, aged 40–49 at ``now``; None if unreadable.

    Under ten is ``<10歳未満>``; a date in the future or over 130 years ago is unreadable.
    """
    born = parse_birth_date(text)
    if born is None:
        return None
    age = age_on(born, now)
    if not 0 <= age <= 130:
        return None
    return "<10歳未満>" if age < 10 else f"<{age // 10 * 10}代>"
