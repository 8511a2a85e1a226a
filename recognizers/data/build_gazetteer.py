"""Build the address gazetteer shipped with the package from Japan Post's KEN_ALL.

Why a derived file: KEN_ALL is 18 MB of CSV with notes mixed into its 町域
column; the recognizer needs only prefecture → municipality → town names, in
the same canonical form as the text it matches (``recognizers.normalize``),
and must load them in a fraction of a second on every start.

Output (``jp_address_gazetteer.tsv.gz``): one line a municipality,
``prefecture<TAB>municipality<TAB>town<TAB>town…``, every field normalized.
A municipality with no town list (``…の次に番地がくる場合``) has no town field.

Run from the repository root::

    python -m recognizers.data.build_gazetteer [path/to/utf_ken_all.zip]
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import sys
import zipfile
from pathlib import Path

from recognizers.normalize import normalize

DEFAULT_SOURCE = (
    Path(__file__).resolve().parents[2].parent / "shared/data/japanpost-zipcode/utf_ken_all.zip"
)
OUTPUT = Path(__file__).resolve().parent / "jp_address_gazetteer.tsv.gz"

# 町域 values that are notes, not place names.
_NOT_A_TOWN = re.compile(r"以下に掲載がない場合|の次に番地がくる場合|一円$")
_PAREN = re.compile(r"（[^）]*）?")
# "野々宿６０地割〜野々宿６２地割", "細内６８地割、細内６９地割": keep the name before the numbers.
_CHOME_TAIL = re.compile(r"\d+丁目$")
_LIST_TAIL = re.compile(r"[０-９0-9〜～、].*$")


def clean_town(raw: str) -> str | None:
    """The place name in a KEN_ALL 町域 field, or None when the field is a note."""
    if _NOT_A_TOWN.search(raw):
        return None
    town = _PAREN.sub("", raw)
    if "〜" in town or "～" in town or "、" in town:
        town = _LIST_TAIL.sub("", town)
    town = town.strip()
    return town or None


def canon(name: str) -> str:
    """The canonical form the recognizer matches against."""
    return normalize(name).text


def ken_all_rows(source: Path) -> list[list[str]]:
    """The rows of the KEN_ALL CSV inside Japan Post's zip."""
    with zipfile.ZipFile(source) as zf:
        member = next(n for n in zf.namelist() if n.lower().endswith(".csv"))
        data = zf.read(member).decode("utf-8")
    return list(csv.reader(io.StringIO(data)))


def read_ken_all(source: Path) -> dict[tuple[str, str], set[str]]:
    """(prefecture, municipality) → town names, all canonical."""
    munis: dict[tuple[str, str], set[str]] = {}
    for row in ken_all_rows(source):
        pref, muni, town = canon(row[6]), canon(row[7]), clean_town(row[8])
        towns = munis.setdefault((pref, muni), set())
        if town is not None:
            # "3本木5丁目": the 丁目 belongs to the block part, the town is "3本木"
            towns.add(_CHOME_TAIL.sub("", canon(town)) or canon(town))
    return munis


def write_gazetteer(munis: dict[tuple[str, str], set[str]], output: Path) -> None:
    lines = [
        "\t".join([pref, muni, *sorted(towns)]) for (pref, muni), towns in sorted(munis.items())
    ]
    payload = ("\n".join(lines) + "\n").encode("utf-8")
    # mtime=0: the same source gives the same bytes, so rebuilding leaves git clean
    with (
        output.open("wb") as raw,
        gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz,
    ):
        gz.write(payload)


def main(argv: list[str]) -> int:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    write_gazetteer(read_ken_all(source), OUTPUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
