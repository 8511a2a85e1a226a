"""Builds ``jp_address_town_readings.tsv.gz``: every town name's reading, in hiragana.

Speech-to-text writes a town the caller says as kana (``ほうかんちょう`` for
奉還町, ``しもがも`` for 下鴨). KEN_ALL gives each 町域 its reading in
half-width katakana; this turns them into canonical hiragana lines of the
gazetteer's own format (``prefecture<TAB>municipality<TAB>reading…``), so the
address recognizer reads a spoken town like a written one. Readings shorter
than three kana are left out: they are words as often as places.

Run: ``python -m recognizers.data.build_town_readings [utf_ken_all.zip]``
(default source as ``build_gazetteer``). Same source, licence and
attribution as the gazetteer (see README.md).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

from recognizers.data.build_gazetteer import (
    DEFAULT_SOURCE,
    canon,
    clean_town,
    ken_all_rows,
    write_gazetteer,
)
from recognizers.spoken_counts import to_hiragana

OUTPUT = Path(__file__).resolve().parent / "jp_address_town_readings.tsv.gz"
MIN_KANA = 3
_PAREN = re.compile(r"[（(].*?[）)]")
_HIRAGANA = re.compile(r"[\u3041-\u3096ー]+")
_CHOME = re.compile(r"(?:ちょうめ)$")


def reading_of(kana: str) -> str | None:
    """The hiragana reading of a KEN_ALL 町域 reading, or None when it is a note."""
    full = _PAREN.sub("", unicodedata.normalize("NFKC", kana)).strip()
    hira = _CHOME.sub("", to_hiragana(full))
    if not _HIRAGANA.fullmatch(hira) or len(hira) < MIN_KANA:
        return None
    return canon(hira)


def read_readings(source: Path) -> dict[tuple[str, str], set[str]]:
    """(prefecture, municipality) → the canonical hiragana readings of its towns."""
    munis: dict[tuple[str, str], set[str]] = {}
    for row in ken_all_rows(source):
        if clean_town(row[8]) is None:
            continue
        reading = reading_of(row[5])
        if reading is not None:
            munis.setdefault((canon(row[6]), canon(row[7])), set()).add(reading)
    return munis


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    write_gazetteer(read_readings(source), OUTPUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
