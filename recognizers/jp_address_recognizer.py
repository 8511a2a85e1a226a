"""Recognizer for Japanese street-level addresses (住所).

What: a place written down to street level, in the order Japanese addresses
run from the largest unit to the smallest::

    [〒 postal code] [都道府県] [郡] [市区町村 (+ 政令市の区)]
    [京都の通り名 上ル/下ル/西入/東入] [大字/字] 町域
    [丁目・番地・番・号 | N-N-N | NのNのN | 北9条西6丁目]
    [建物名 部屋 | 9階 | 203号室]

in any digit form the normalizer folds (``4-6-24``, ``四丁目6番24号``,
``３の２２の４０５``). ``LABELS.md`` draws the line: an address reaches a town
name, a block number, a building or a room. A bare prefecture, city or ward
(``大阪市淀川区の窓口``) and a facility name (``淀川区役所``) are not
addresses; a postal code is part of the span only when ``〒`` leads the
address, otherwise it is the postal-code recognizer's.

How: a hand-written left-to-right parser over the canonical text, with Japan
Post's KEN_ALL list (``data/jp_address_gazetteer.tsv.gz``, see
``data/README.md``) as the gazetteer of prefectures, municipalities and
town names. A town name counts when it belongs to the municipality already
read (``北区天神橋`` is 大阪市北区's, not 札幌市北区's), or, written without its
city, when a block number follows (``鴫野東1丁目3の22の405``). Why by hand: no
maintained Python library parses Japanese addresses inside running text and
reports character offsets; the geocoding normalizers expect a clean address
string on its own.

Reference: 日本郵便「郵便番号データ」(https://www.post.japanpost.jp/zipcode/download.html);
住居表示に関する法律 (Act No. 119 of 1962) for the 街区符号・住居番号 block forms.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import ClassVar

from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from recognizers.address_answers import grow_address_answers
from recognizers.normalize import normalize

GAZETTEER_PATH = Path(__file__).resolve().parent / "data" / "jp_address_gazetteer.tsv.gz"
#: the towns' readings in hiragana (``data/build_town_readings.py``)
READINGS_PATH = Path(__file__).resolve().parent / "data" / "jp_address_town_readings.tsv.gz"

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆ヶヵ"
_KATA = "\u30a1-\u30fa\u30fc\u30fd\u30fe"  # katakana and ー, not the middle dot
_HIRA = "\u3041-\u3096"

# Variant spellings folded on both sides before lookup (one character for one, so
# offsets hold): 旭ヶ丘 = 旭ケ丘, 南広瀬 = 南廣瀬; and a town said aloud is looked up
# without its voicing marks (あなかわ = あながわ, 穴川): a caller's or a transcriber's
# rendaku differs from Japan Post's reading as often as not.
_VOICED = "がぎぐげござじずぜぞだぢづでどばびぶべぼぱぴぷぺぽ"
_PLAIN = "かきくけこさしすせそたちつてとはひふへほはひふへほ"
_FOLD = str.maketrans(
    "ヶヵ廣澤邊邉﨑嵜髙濱櫻藏齋齊國眞淺圓冨會嶋嶌德惠條瀨龍" + _VOICED,
    "ケカ広沢辺辺崎崎高浜桜蔵斎斉国真浅円富会島島徳恵条瀬竜" + _PLAIN,
)

_POSTAL = re.compile(r"〒 ?(\d{3}-?\d{4}) ?")
_SPACE = " "
# One group of a block: 1丁目, 3番地, 12番, 5号, 第6地割, 2線, 北9条 (Sapporo: 9条西).
# A lone 十 stays a kanji in the canonical text (the normalizer keeps unit-only
# runs as words, for 十分 and 千葉), so 十番十号 is read here.
_GROUP = re.compile(
    r"第?(\d+|十(?=丁目|番|号))(丁目|番地|番町|番丁|号室|番|号|地割|線|条[東西南北]?|丁|街区|区|部|階|F)?"
)
_GROUP_SEP = re.compile(r"-|の|ノ|・")
_STRONG_UNITS = frozenset({"丁目", "番地", "番町", "番丁", "番", "号", "地割"})
# Lot prefixes used in rural 番地 (甲123, 乙4) and Hokkaido's grid (1線北17号).
# Hiragana iroha letters too (寺井町た35番地), but never a particle (に, は, の …).
_LOT = re.compile(
    r"(?:[甲乙丙丁イロハニホヘト東西南北]|[いろほちりぬるわよたれそつねならむうゐおくまけふこえあさきゆめみしゑひせす])(?=\d)"
)
# A sub-area name not in the gazetteer (字名, an unlisted 町): it must run into a block.
_NAME_CHARS = f"{_HAN}{_KATA}"
_GENERIC_NAME = re.compile(
    rf"(?:大?字)?(?:[{_NAME_CHARS}]|\d+(?=[{_NAME_CHARS}]))"
    rf"(?:[{_NAME_CHARS}]|\d+(?=[{_NAME_CHARS}])|[のノが](?=[{_HAN}]))*?"
    rf"(?=第?\d+(?:丁目|番|号|条|線|地割|区|部|街区|階|F|[^\d{_NAME_CHARS}]|$))"
)
# A 字 after the town with no number (野依町字細田, 大字河原木字青森谷地).
_AZA_NAME = re.compile(rf"(?:大?字[{_NAME_CHARS}](?:[{_NAME_CHARS}]|[のノ](?=[{_HAN}])){{0,9}})+")
_AZA = re.compile(r"大?字")
# Kyoto's street directions: 烏丸通御池下ル, 四条通烏丸東入ル.
_KYOTO = re.compile(
    rf"(?:[{_NAME_CHARS}\d]{{1,12}}?(?:上ル|下ル|上る|下る|西入ル|東入ル|西入る|東入る|西入|東入|入ル|入る))+"
)
# Words that make a name a facility or an office, not a place (淀川区役所, 区民センター).
# Only at the end of the name: 梅田駅前 is a place, 弁天町駅 is a station.
_FACILITY = re.compile(
    r"(?:役所|役場|センター|駅|公園|学校|病院|会館|支所|事務所|出張所|庁舎|図書館|窓口|在住|住民"
    r"|出口|入口|改札|ホーム|号線|番線|国道|県道|府道|市道)$"
)
_BUILDING_SUFFIX = (
    "ビルディング|ビルヂング|ビル|ハイツ|マンション|コーポ|レジデンス|ハイム|メゾン|パレス|"
    "コート|ハウス|ヒルズ|タワー|プラザ|テラス|アパート|カーサ|シャトー|ホール|センター|"
    "スクエア|ガーデン|荘|棟|館|寮|住宅|団地|庁舎"
)
#: what a number counts when it is no room (サンハイツ 2024年に, 3人): it ends no building
_COUNTED = r"[年月日時分円歳才人回件名枚台]"
#: a room or floor with the letter of its unit (2F-B, 3B)
_ROOM_LETTER = r"(?:-?[A-Z](?![A-Za-z]))?"
_ROOM = rf"[1-9]\d*(?:-[1-9]\d*)?(?:号室|号|階|F)?{_ROOM_LETTER}"
# A building name and its room or floor: サンハイツ13302, 大拓ビル9階, パークハウス本庄東702号室,
# T-Building4-5階, 合同庁舎内. It may not start with a particle (3-8-21の前のマンション).
_BUILDING = re.compile(
    rf"(?![のにでをはがとへもや])"
    rf"[{_NAME_CHARS}{_HIRA}A-Za-z&'・\d-]{{0,30}}"
    rf"(?:(?:{_BUILDING_SUFFIX})(?:{_ROOM}|内)?|{_ROOM}|(?:局|所)内)(?![\d-]|{_COUNTED})"
)
_WORD_CHAR = re.compile(f"[{_HAN}{_KATA}A-Za-z0-9]")
# "（銀座郵便局私書箱第124号）", "（MNCタウン2階）", "大手郵便局私書箱第5号": part of the address.
_NOTE = re.compile(
    rf"[（(][^（）()\n]{{0,30}}(?:私書箱|階|号室|内|{_BUILDING_SUFFIX})[^（）()\n]{{0,12}}[）)]"
    rf"|[{_NAME_CHARS}]{{1,12}}郵便局私書箱第?\d+(?:[・,、]\d+)*号"
)
_BUILDING_MARK = re.compile(rf"[{_KATA}A-Za-z]|荘|棟|館|寮|住宅|団地|庁舎|階|号室|局内|所内")
# A building named without a known suffix, written right after the block
# (4-8-1ランドポート板橋, 1-1-1BLUEFRONTSHIBAURA): katakana or Latin, no space before.
_FREE_BUILDING = re.compile(rf"(?=[^{_HAN}]*[{_KATA}A-Za-z])[{_NAME_CHARS}A-Za-z&'・\d-]{{3,40}}")
_ROOM_AFTER = re.compile(
    rf"[{_NAME_CHARS}]{{0,12}} (?:[1-9]\d*(?:号室|階|F){_ROOM_LETTER}|[1-9]\d*-[1-9]\d*号室"
    rf"|[1-9]\d{{0,3}}[A-Z](?![A-Za-z])"
    # B-201, #305, or the bare room number (グリーンコート新大久保 B-201, 梅田ハイツ #305)
    rf"|[A-Z]-?[1-9]\d{{1,3}}(?![A-Za-z])|#[1-9]\d{{0,3}}|[1-9]\d{{2,3}})(?![\d-]|{_COUNTED})"
)
_ROOM_ONLY = re.compile(rf"(?:[1-9]\d*(?:号室|階|F){_ROOM_LETTER}|[1-9]\d*-[1-9]\d*号室)(?![\d-])")
#: a form's address whose building and room sit on the next line, in the same cell
#: (an indented line, or one that opens with the table's bar): katakana or a building
#: word, ending in a room or floor, and nothing else on that line
_NEXT_LINE_BUILDING = re.compile(
    rf"[ \u3000]*\|?[ \u3000]*\n(?:[ \u3000]+\|?|[ \u3000]*\|)[ \u3000]*"
    rf"((?=[^\n|]*(?:[{_KATA}]|{_BUILDING_SUFFIX}))[{_NAME_CHARS}A-Za-z&'・\d-]{{2,30}}"
    rf"[ \u3000]?[1-9]\d{{0,4}}(?:号室|号|階|F)?{_ROOM_LETTER})[ \u3000]*(?=\n|\||$)"
)


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Canonical names of prefectures, municipality parts and towns, indexed for lookup.

    Municipalities are numbered by their line in the gazetteer; a prefecture or a
    municipality part (``大阪市``, ``北区``) names the set of ids it may mean.
    """

    prefectures: Mapping[str, frozenset[int]]
    municipalities: Mapping[str, frozenset[int]]
    #: town names of each municipality id
    towns_of: Sequence[frozenset[str]]
    all_towns: frozenset[str]
    #: for each first character, the lengths of names starting with it, longest first
    lengths: Mapping[str, tuple[int, ...]]

    def longest(
        self, table: Mapping[str, frozenset[int]], text: str, i: int, within: frozenset[int] | None
    ) -> tuple[int, frozenset[int]] | None:
        """Longest name of ``table`` at ``text[i:]`` (meaning one of ``within`` if given)."""
        room = len(text) - i
        for length in self.lengths.get(text[i], ()) if room > 0 else ():
            if length > room:
                continue
            ids = table.get(text[i : i + length])
            if ids is not None and within is not None:
                ids = ids & within
            if ids:
                return length, ids
        return None

    def longest_town(
        self, text: str, i: int, within: frozenset[int] | None
    ) -> tuple[int, frozenset[int] | None] | None:
        """Longest town name at ``text[i:]`` (of a municipality in ``within`` if given)."""
        room = len(text) - i
        for length in self.lengths.get(text[i], ()) if room > 0 else ():
            if length > room:
                continue
            name = text[i : i + length]
            if name not in self.all_towns:
                continue
            if within is None:
                return length, None
            ids = frozenset(m for m in within if name in self.towns_of[m])
            if ids:
                return length, ids
        return None


def _municipality_parts(name: str) -> list[str]:
    """The ways a municipality is written: whole, and its 郡 / 市 / 区 / 町村 parts."""
    parts = [name]
    county = re.fullmatch(r"(.+?郡)(.+[町村])", name)
    if county:
        parts += [county.group(1), county.group(2)]
    ward = re.fullmatch(r"(.+?市)(.+区)", name)
    if ward:
        parts += [ward.group(1), ward.group(2)]
    return parts


def parse_gazetteer(lines: Iterable[str]) -> Gazetteer:
    """Index the gazetteer lines (``pref<TAB>municipality<TAB>town…``) for longest-match lookup."""
    prefs: dict[str, set[int]] = {}
    munis: dict[str, set[int]] = {}
    towns_of: list[frozenset[str]] = []
    all_towns: set[str] = set()
    for line in lines:
        fields = line.rstrip("\n").translate(_FOLD).split("\t")
        if len(fields) < 2:
            continue
        muni_id = len(towns_of)
        prefs.setdefault(fields[0], set()).add(muni_id)
        for part in _municipality_parts(fields[1]):
            munis.setdefault(part, set()).add(muni_id)
        towns = frozenset(fields[2:])
        towns_of.append(towns)
        all_towns.update(towns)
    lengths: dict[str, set[int]] = {}
    for name in (*prefs, *munis, *all_towns):
        lengths.setdefault(name[0], set()).add(len(name))
    return Gazetteer(
        prefectures={k: frozenset(v) for k, v in prefs.items()},
        municipalities={k: frozenset(v) for k, v in munis.items()},
        towns_of=tuple(towns_of),
        all_towns=frozenset(all_towns),
        lengths={k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()},
    )


@lru_cache(maxsize=4)
def load_gazetteer(path: Path = GAZETTEER_PATH, readings: Path | None = READINGS_PATH) -> Gazetteer:
    """Read the shipped gazetteer once per process (it is immutable).

    With it, the towns' readings in hiragana: a town said aloud and written
    by speech-to-text in kana (``ほうかんちょう``) is the same town.
    """
    lines: list[str] = []
    for source in (path, readings):
        if source is not None:
            with gzip.open(source, "rt", encoding="utf-8") as fh:
                lines.extend(fh)
    return parse_gazetteer(lines)


_SPOKEN_JOIN = re.compile(r"[ \u3000]*の?[ \u3000]*")
#: how far back of a spoken address its city may stand, and what may lie between: a
#: few letters of a town said in pieces, a correction, and at least one pause
REACH_BACK = 20
_PIECES_BEFORE = re.compile(
    # not a sentence about the city (北区役所に行きました、…): a town said in pieces
    r"(?![^、,  　]*(?:役所|窓口|庁舎|センター|ました|です|ます|でした|行っ|行き|来))"
    rf"の?[{_HAN}{_KATA}{_HIRA}]{{0,8}}?"
    r"(?:[、,  　]+(?:あ[、,  　]*)?(?:違う|ちがう|ちゃう|じゃなくて|いや)?[、,  　]*"
    r"|[、,  　]*(?:えーと|えっと|えー+|あのー?)[、,  　]*)+"
)
#: how an address that already holds its block number ends
_BLOCK_END = re.compile(r"[0-9号地室階目]")


#: what a speaker puts between the parts of an address said aloud
_PAUSE = re.compile(r"(?:[、,  　]|えーと|えっと|えー+|あのー?|その)+")
_PAUSE_BEFORE = re.compile(rf"[{_HAN}{_KATA}{_HIRA}目地号番]")


#: between a municipality and its town said aloud (稲毛区の、あなかわ, つくば市の 天久保)
_MUNI_TOWN_JOINER = re.compile(
    r"の(?:[、,  　]|えーと|えっと|えー+|あのー?)*|(?:[、,  　]|えーと|えっと|えー+)+"
)


def without_pauses(text: str) -> tuple[str, list[int]]:
    """Canonical ``text`` without the pauses of an address read out, and where each char was.

    ``長岡市大手通の2丁目の、13-4`` and ``青葉区上杉1丁目、えー、6の2`` are one
    address each: a pause (``、``, a blank, a filler) between a place word or
    a counter and the digits that follow it is dropped, and so is an ``の``
    between a town name and its block (``大手通の2丁目``). A pause after a
    digit stays: ``4-6-24、090…`` is an address and then a phone number.
    """
    keep: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        m = _PAUSE.match(text, i)
        if m is not None and keep:
            after = m.end()
            if text[after : after + 1] == "の":  # 3丁目、の、2の8: a pause on each side
                again = _PAUSE.match(text, after + 1)
                past = again.end() if again is not None else after + 1
                if past < n and text[past].isdigit():
                    after = past
            prev = text[keep[-1]]
            if after < n and text[after].isdigit() and _PAUSE_BEFORE.match(prev):
                i = after
                continue
        if text[i] == "の" and keep and re.match(rf"[{_HAN}{_KATA}]", text[keep[-1]]):
            pause = _PAUSE.match(text, i + 1)
            after = pause.end() if pause is not None else i + 1
            if after < n and text[after].isdigit():
                i = after  # 大手通の2丁目, 植田の、3丁目: the town, then its block
                continue
        keep.append(i)
        i += 1
    if len(keep) == n:
        return text, list(range(n))
    return "".join(text[k] for k in keep), keep


@dataclass(frozen=True, slots=True)
class _Parse:
    start: int
    end: int
    score: float
    reason: str


@dataclass(frozen=True, slots=True)
class _Block:
    end: int
    strong: bool
    leading_zero: bool
    first_digits: int
    groups: int
    chome_or_banchi: bool


def _block(text: str, i: int) -> _Block | None:
    """Parse a block part (丁目・番地・号, N-N-N, NのN) starting at ``i``."""
    groups = units = 0
    k = i
    end = i
    leading_zero = False
    first_digits = 0
    chome = False
    while True:
        lot = _LOT.match(text, k)
        m = _GROUP.match(text, lot.end() if lot else k)
        if m is None:
            break
        if groups == 0:
            leading_zero = m.group(1).startswith("0") and len(m.group(1)) > 1
            first_digits = len(m.group(1))
        groups += 1
        units += m.group(2) in _STRONG_UNITS
        chome = chome or m.group(2) in {"丁目", "番地"}
        k = end = m.end()
        sep = _GROUP_SEP.match(text, k)
        if sep and _GROUP.match(text, sep.end()):
            k = sep.end()
            continue
        if m.group(2) and (_GROUP.match(text, k) or _LOT.match(text, k)):
            continue
        if (
            m.group(2) in {"丁目", "番地", "番"}
            and text.startswith(" ", k)
            and _GROUP.match(text, k + 1)
        ):
            k += 1  # spoken: "5丁目 6の7"
            continue
        break
    if groups == 0:
        return None
    return _Block(end, units > 0 or groups > 1, leading_zero, first_digits, groups, chome)


def _building(text: str, i: int) -> int:
    """End of a building name and room (or a bare room / floor) at ``i``; ``i`` if none."""
    m = _BUILDING.match(text, i)
    if m and _BUILDING_MARK.search(m.group()):
        return m.end()
    m = _ROOM_ONLY.match(text, i)
    return m.end() if m else i


def _town_alone_refused(text: str, start: int, town_at: int, length: int) -> bool:
    """A town read without its city must be a whole word of two characters or more."""
    if length < 2 or text[town_at + length - 1].isdigit():
        return True  # 十二 → "12": a number, not a town, once normalized
    return start > 0 and (_WORD_CHAR.match(text, start - 1) is not None or text[start - 1] == "-")


def _block_ok(
    text: str, block: _Block, admin: bool, muni: bool, town: bool, name: str | None
) -> bool:
    """Whether a block part makes the address; ``name`` is an unlisted sub-area before it."""
    if block.leading_zero:
        return False  # 06-6123-4567 is a phone number, not a block
    run_on = _WORD_CHAR.match(text, block.end) is not None
    if not block.strong and run_on and _building(text, block.end) == block.end:
        return False  # 3人, 5年: a count, not a lot number
    if not admin:
        # 日の里12号公園, 白鳥3号 (a train): alone, a town needs 丁目/番地 or two
        # numbers; with 丁目/番地 it is a place whatever follows (花園北2丁目付近)
        lone = block.groups == 1 and not block.chome_or_banchi
        return town and name is None and block.strong and not lone
    if town and not muni and not block.strong:
        return False  # 北海道10区: a prefecture and a number
    if town:
        return True
    if not muni:
        return False
    if name is None:
        return block.strong or block.first_digits >= 3  # 下諏訪町5329
    return block.strong or name.startswith(("字", "大字")) or len(name) >= 2


#: a building and room said after a pause (、コーポ大手の201号室, 、レジデンス七〇四):
#: it must end in a room number and hold katakana or a building word
_BUILDING_AFTER_PAUSE = re.compile(
    rf"[、,][ 　]?(?=[^、,\n]*?(?:[{_KATA}]|{_BUILDING_SUFFIX}))"
    rf"[{_NAME_CHARS}{_HIRA}A-Za-z・\d-]{{2,30}}?の?[1-9]\d{{1,4}}(?:号室|号)?(?![\d-])"
)


#: a building named in Latin letters after the block, then its room (, Sun Palace #203)
_LATIN_BUILDING_AFTER = re.compile(
    r",?[ \u3000](?:[A-Z][A-Za-z'&-]+[ \u3000]){1,4}(?:#|No\.?[ \u3000]?|[Rr]oom[ \u3000])?"
    r"[1-9]\d{0,3}[A-Z]?(?![\d-])"
)
_COUNTER_AFTER_BLANK = re.compile(r"[ \u3000]+(?:番地|番|号(?!室))")
_NEXT_PART_SPACED = re.compile(r"[ \u3000]*の?[ \u3000]*\d{1,4}[ \u3000]*(?:番地|番|号(?!室))")


def _tail(text: str, end: int) -> int:
    """Extend an address over its building, room, floor or post-office-box note."""
    if end > 0 and text[end - 1].isdigit() and (counter := _COUNTER_AFTER_BLANK.match(text, end)):
        end = counter.end()  # 百三十 番地: speech-to-text's blank before the counter
    while end > 0 and text[end - 1] in "番地" and (more := _NEXT_PART_SPACED.match(text, end)):
        end = more.end()  # 4丁目 6 番 24 号: blanks between every part
    if end > 0 and text[end - 1].isdigit() and (after := _BUILDING_AFTER_PAUSE.match(text, end)):
        return after.end()
    if end > 0 and text[end - 1].isdigit() and (latin := _LATIN_BUILDING_AFTER.match(text, end)):
        return latin.end()  # 大久保2-15-3, Sun Palace Okubo #203: a foreign resident's form
    at = _skip_space(text, end)
    room_end = _building(text, at)
    free = _FREE_BUILDING.match(text, end) if end > 0 and text[end - 1].isdigit() else None
    if free and _BUILDING_MARK.search(free.group()):
        room_end = max(room_end, free.end())
    if room_end > at:
        end = room_end
        room = _ROOM_AFTER.match(text, end)  # マンション西中島 305号室
        end = room.end() if room else end
    at = _skip_space(text, end)
    note = _NOTE.match(text, at)
    return note.end() if note else end


def _skip_space(text: str, i: int) -> int:
    return i + 1 if i < len(text) and text[i] == _SPACE else i


class JpAddressRecognizer(EntityRecognizer):
    """Finds street-level Japanese addresses by parsing the canonical text against KEN_ALL."""

    ENTITY: ClassVar[str] = "ADDRESS"
    CONTEXT: ClassVar[Sequence[str]] = ("住所", "所在地", "場所", "転出先", "転入先", "送付先")
    #: an address with its 〒 code, or city + town + block: no doubt left
    SCORE_FULL: ClassVar[float] = 0.95
    #: municipality + block, or town + block without the city
    SCORE_BLOCK: ClassVar[float] = 0.85
    #: municipality + town, no block (東淀川区瑞光)
    SCORE_TOWN: ClassVar[float] = 0.7
    #: a building and its room, said alone in the turn that answers an address question
    SCORE_ANSWER: ClassVar[float] = 0.6

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        context: list[str] | None = None,
        supported_language: str = "ja",
        supported_entity: str | None = None,
        name: str | None = None,
    ) -> None:
        self._gazetteer = gazetteer
        self._display_name = name or type(self).__name__
        super().__init__(
            supported_entities=[supported_entity or self.ENTITY],
            supported_language=supported_language,
            name=self._display_name,
            context=context if context is not None else list(self.CONTEXT),
        )

    def load(self) -> None:
        """Nothing to load eagerly: the gazetteer is read on first use (shared cache)."""

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = load_gazetteer()
        return self._gazetteer

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
    ) -> list[RecognizerResult]:
        entity = self.supported_entities[0]
        if entities and entity not in entities:
            return []
        norm = normalize(text)
        compact, positions = without_pauses(norm.text)
        spans: list[tuple[int, int]] = []
        parses: list[_Parse] = []
        for found in self.find(compact):
            spans.append(norm.to_original(positions[found.start], positions[found.end - 1] + 1))
            parses.append(found)
        results: list[RecognizerResult] = []
        for start, end, origin in grow_address_answers(norm, spans):
            if origin is None:
                score, reason = self.SCORE_ANSWER, "address: a building and room answering 住所"
            else:
                score, reason = parses[origin].score, parses[origin].reason
                if spans[origin] != (start, end):
                    reason += ", grown to the whole answer"
            explanation = AnalysisExplanation(
                recognizer=self._display_name, original_score=score, textual_explanation=reason
            )
            results.append(
                RecognizerResult(
                    entity_type=entity,
                    start=start,
                    end=end,
                    score=score,
                    analysis_explanation=explanation,
                    recognition_metadata={
                        RecognizerResult.RECOGNIZER_NAME_KEY: self._display_name,
                        RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    },
                )
            )
        return results

    def find(self, text: str) -> list[_Parse]:
        """Address spans in canonical ``text``, left to right, never overlapping."""
        gaz = self.gazetteer
        text = text.translate(_FOLD)
        found: list[_Parse] = []
        i = 0
        n = len(text)
        while i < n:
            ch = text[i]
            parsed = self._parse(text, i) if ch == "〒" or ch in gaz.lengths else None
            if isinstance(parsed, int):
                # a prefecture or city that led nowhere: its ward alone must not
                # start a second try (札幌市北区天神橋 is not 大阪市北区天神橋)
                i = max(parsed, i + 1)
                continue
            if parsed is None:
                i += 1
                continue
            prev = found[-1] if found else None
            if (
                prev is not None
                and _SPOKEN_JOIN.fullmatch(text, prev.end, parsed.start)
                and not _BLOCK_END.match(text[prev.end - 1])
                and text[parsed.start].isdigit()
            ):
                # read out in pieces (西中島 の 4丁目 6の24): one address, one span
                parsed = _Parse(
                    prev.start,
                    parsed.end,
                    max(prev.score, parsed.score),
                    f"{prev.reason} + {parsed.reason}",
                )
                found[-1] = parsed
            else:
                back = self._reach_back(text, parsed.start, prev.end if prev else 0)
                if back is not None:
                    parsed = _Parse(back, parsed.end, parsed.score, parsed.reason + ", its city")
                found.append(parsed)
            i = parsed.end
            below = _NEXT_LINE_BUILDING.match(text, parsed.end)
            if below is not None:
                found.append(
                    _Parse(below.start(1), below.end(1), parsed.score, "address: its building")
                )
                i = below.end(1)
        return found

    def _reach_back(self, text: str, start: int, floor: int) -> int | None:
        """Where the city said before a pause starts (左京区しもがも、まつのきちょう…).

        Read out, an address comes in pieces: the city or ward, a town said in a way
        the lists do not hold, a correction (壬生かみ、あ、ちゃう、壬生坊城町), then the
        part found. The span reaches back over them to a municipality name, when
        only a few letters and a pause stand between.
        """
        gaz = self.gazetteer
        for k in range(max(floor, start - REACH_BACK), start):
            if text[k] not in gaz.lengths:
                continue
            hit = gaz.longest(gaz.municipalities, text, k, None)
            if hit is not None and _PIECES_BEFORE.fullmatch(text, k + hit[0], start):
                return k
        return None

    def _parse(self, text: str, start: int) -> _Parse | int | None:
        """Read one address from ``start`` of the folded canonical text.

        Returns the address, or where the place names read before failing end
        (an int), or None when nothing was read.
        """
        gaz = self.gazetteer
        j = start
        postal = _POSTAL.match(text, j)
        if postal:
            j = postal.end()
        within: frozenset[int] | None = None
        admin = muni = False
        hit = gaz.longest(gaz.prefectures, text, j, None)
        if hit:
            j, within, admin = _skip_space(text, j + hit[0]), hit[1], True
        while hit := gaz.longest(gaz.municipalities, text, j, within):
            j, within, admin, muni = _skip_space(text, j + hit[0]), hit[1], True, True
        if muni and (kyoto := _KYOTO.match(text, j)):
            j = kyoto.end()
        aza = _AZA.match(text, j)
        town_at = aza.end() if aza else j
        town = gaz.longest_town(text, town_at, within)
        apart = False
        if town is None and muni and (joiner := _MUNI_TOWN_JOINER.match(text, j)):
            # 稲毛区の、あなかわ: said aloud, the city and its town come apart
            joined = gaz.longest_town(text, joiner.end(), within)
            if joined is not None:
                town_at, town, apart = joiner.end(), joined, True
        if not admin and town is not None and _town_alone_refused(text, start, town_at, town[0]):
            town = None
        admin_end = j if admin else None
        if town is None and not muni:
            return admin_end  # a bare prefecture, a bare 〒 code or nothing: not an address
        anchor = town_at + town[0] if town else j
        if town and admin and (aza_name := _AZA_NAME.match(text, anchor)):
            anchor = aza_name.end()
        block = self._best_block(text, anchor, admin, muni, town is not None)
        if block is not None:
            end = block
        elif town is not None and muni and town[0] >= 2 and not apart:
            end = anchor  # 大阪市淀川区西中島: it reaches a town name
        else:
            return admin_end
        end = _tail(text, end)
        present = {
            "postal code": postal is not None,
            "prefecture/municipality": admin,
            "town": town is not None,
            "block": block is not None,
        }
        score = self._score(postal is not None, admin, town is not None, block is not None)
        reason = "address: " + ", ".join(k for k, v in present.items() if v)
        return _Parse(start, end, score, reason)

    def _best_block(
        self, text: str, anchor: int, admin: bool, muni: bool, town: bool
    ) -> int | None:
        """End of the longest acceptable block part after the town (or municipality)."""
        best: int | None = None
        direct = _block(text, _skip_space(text, anchor))
        if direct is not None and _block_ok(text, direct, admin, muni, town, None):
            best = direct.end
        generic = _GENERIC_NAME.match(text, anchor)
        if generic and (admin or not town) and not _FACILITY.search(generic.group()):
            sub = _block(text, generic.end())
            if sub is not None and _block_ok(text, sub, admin, muni, town, generic.group()):
                best = max(best or 0, sub.end)
        return best

    def _score(self, postal: bool, admin: bool, town: bool, block: bool) -> float:
        if postal or (admin and town and block):
            return self.SCORE_FULL
        if block:
            return self.SCORE_BLOCK
        return self.SCORE_TOWN
