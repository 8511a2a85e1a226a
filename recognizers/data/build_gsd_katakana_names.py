"""Build ``gsd_katakana_names.txt``: katakana name parts of UD Japanese GSD train's PERSON spans.

Run from the repository root::

    .venv/bin/python recognizers/data/build_gsd_katakana_names.py \
        ../shared/data/ud-japanese-gsd-ne/train.jsonl

Why: our hand-written foreign-name lists know the common English, French,
German and Russian names, but encyclopedic text names people from everywhere
(ヴィータウタス, ナスターゼ, シュシケヴィチ). The gold PERSON spans of the GSD
train split (CC BY-SA 4.0, Megagon Labs' NE layer on UD Japanese GSD) give
real katakana name parts. A part is kept only if it is mostly a name in that
corpus: it occurs inside PERSON spans at least as often as outside them and
never more often inside another entity label (キリスト, カルト, ファン drop
out). Only the train split is read: dev and test stay unseen for evaluation.

The output is a share-alike derivative (CC BY-SA 4.0): see NAMES_README.md.
It is sorted, one part per line, so rebuilding is byte-for-byte reproducible.
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent / "gsd_katakana_names.txt"
_KATAKANA = re.compile(r"[ァ-ヴー]+")
#: parts this short or made of one repeated sound are particles or noise (ラ, ダ, デデデ)
MIN_LENGTH = 2
HEADER = (
    "# Katakana name parts from UD Japanese GSD train PERSON spans (Megagon Labs NE layer).\n"
    "# CC BY-SA 4.0 - derived work, see NAMES_README.md. Built by build_gsd_katakana_names.py.\n"
)


def build(rows: list[dict[str, object]]) -> list[str]:
    in_person: Counter[str] = Counter()
    in_other: Counter[str] = Counter()
    anywhere: Counter[str] = Counter()
    for row in rows:
        text = str(row["text"])
        spans = row["spans"]
        assert isinstance(spans, list)
        for span in spans:
            value = text[span["start"] : span["end"]]
            target = in_person if span["label"] == "PERSON" else in_other
            target.update(_KATAKANA.findall(value))
        anywhere.update(_KATAKANA.findall(text))
    return sorted(
        part
        for part, n in in_person.items()
        if len(part) >= MIN_LENGTH
        and len(set(part)) > 1
        and in_other[part] < n
        and anywhere[part] <= 2 * n
    )


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.stderr.write("usage: build_gsd_katakana_names.py TRAIN_JSONL\n")
        return 2
    with Path(argv[1]).open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    OUT.write_text(HEADER + "\n".join(build(rows)) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
