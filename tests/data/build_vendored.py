"""Copies into ``tests/data/`` the small pieces of ``../shared/data`` the suite reads, so a
bare clone (nothing beside it) passes. Re-run after the shared data changes:

    python tests/data/build_vendored.py [SHARED_DATA_DIR]

Samples are seeded, so the output is the same on every machine; each folder
keeps the source's licence and attribution. ``tests/test_vendored_data.py``
checks, where ``../shared`` is present, that the copies still match it.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: same seeds as the full-corpus tests, so the sample is a subset of what they read
STOCKMARK_SEED, STOCKMARK_SIZE = 20240503, 300
JIGYOSYO_SEED, JIGYOSYO_SIZE = 20260605, 500


def stockmark_sample(path: Path) -> list[str]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    records = [json.loads(line) for line in lines]
    picked = random.Random(STOCKMARK_SEED).sample(range(len(records)), STOCKMARK_SIZE)
    return [lines[i] for i in sorted(picked)]


def jigyosyo_sample(path: Path) -> list[str]:
    """Verbatim lines (one row a line in this file) of rows with a street part."""
    lines = path.read_text(encoding="utf-8").splitlines()
    rows = [line for line in lines if next(csv.reader([line]))[6].strip()]
    return random.Random(JIGYOSYO_SEED).sample(rows, JIGYOSYO_SIZE)


def main(shared: Path) -> None:
    shutil.copyfile(shared / "dev-notes.jsonl", HERE / "dev-notes.jsonl")
    sm = HERE / "stockmark-ner-wikipedia"
    sm.mkdir(exist_ok=True)
    shutil.copyfile(shared / "stockmark-ner-wikipedia" / "LICENSE.md", sm / "LICENSE.md")
    (sm / "sample.jsonl").write_text(
        "\n".join(stockmark_sample(shared / "stockmark-ner-wikipedia" / "ner.jsonl")) + "\n",
        encoding="utf-8",
    )
    jp = HERE / "japanpost-zipcode"
    jp.mkdir(exist_ok=True)
    shutil.copyfile(shared / "japanpost-zipcode" / "UPSTREAM_README.md", jp / "UPSTREAM_README.md")
    (jp / "jigyosyo-sample.csv").write_text(
        "\n".join(jigyosyo_sample(shared / "japanpost-zipcode" / "jigyosyo.utf8.csv")) + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[2] / "shared" / "data")
