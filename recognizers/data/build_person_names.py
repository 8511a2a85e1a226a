"""Build ``person_names.json.gz`` from the japanese-personal-names lists (MIT, shuheilocale).

Run from the repository root::

    .venv/bin/python recognizers/data/build_person_names.py ../shared/data/japanese-personal-names

Why a derived file: the upstream CSVs are 1.2 MB with counts and romaji we do
not need at run time, and their layout (one reading, then a variable number of
kanji spellings) is awkward to load per process. We keep only the sets the
person recognizer looks names up in, sorted so the output is reproducible.
"""

from __future__ import annotations

import csv
import gzip
import json
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent / "person_names.json.gz"
#: Every spelling of every given-name reading is kept. The upstream lists are in
#: character order, not by how common a spelling is: keeping the first twelve (as
#: this script once did) dropped 大輝 for だいき, 陽菜 for ひな and every spelling of
#: なお after 奈於, while keeping 太基 and 奈往. A given name only counts next to a cue
#: (a relation word, an honorific, a surname before it), so the rare spellings cost
#: little: on the blind dev half PERSON leak went 4.8 → 4.6 % with no new false name.


def _romaji_variants(romaji: str) -> set[str]:
    """Upstream writes long vowels out (satou); passports and forms write sato."""
    r = romaji.lower()
    return {r, r.replace("ou", "o").replace("uu", "u"), r.replace("ou", "oh")}


def build(src: Path) -> dict[str, list[str]]:
    surnames_kanji: set[str] = set()
    surnames_kana: set[str] = set()
    surnames_romaji: set[str] = set()
    with (src / "last_name_org.csv").open(encoding="utf-8") as fh:
        for kanji, _count, kana, romaji in csv.reader(fh):
            surnames_kanji.add(kanji)
            surnames_kana.add(kana)
            surnames_romaji |= _romaji_variants(romaji)
    given_kanji: set[str] = set()
    given_kana: set[str] = set()
    given_romaji: set[str] = set()
    for name in ("first_name_man_org.csv", "first_name_woman_org.csv"):
        with (src / name).open(encoding="utf-8") as fh:
            for row in csv.reader(fh):
                kana, romaji, *spellings = row
                given_kana.add(kana)
                given_romaji |= _romaji_variants(romaji)
                given_kanji.update(s for s in spellings if s)
    return {
        "surname_kanji": sorted(surnames_kanji),
        "surname_kana": sorted(surnames_kana),
        "surname_romaji": sorted(surnames_romaji),
        "given_kanji": sorted(given_kanji),
        "given_kana": sorted(given_kana),
        "given_romaji": sorted(given_romaji),
    }


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.stderr.write("usage: build_person_names.py <japanese-personal-names dir>\n")
        return 2
    data = build(Path(argv[1]))
    payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    # mtime=0: the same input always gives the same bytes (reviewable diffs)
    with OUT.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as fh:
        fh.write(payload)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
