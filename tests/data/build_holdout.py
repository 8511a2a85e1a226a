"""Turns the hold-out sources (inline [[LABEL|value]] markup) into the gold JSONL format.

``holdout-notes`` was written first and shown to the recognizer authors;
``holdout2-notes`` was written later and not shown to them before measuring.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

MARK = re.compile(r"\[\[([A-Z_]+)\|(.+?)\]\]")


def parse(line: str) -> dict[str, object]:
    note_id, src = line.split("\t", 1)
    text, spans, pos = [], [], 0
    for m in MARK.finditer(src):
        text.append(src[pos : m.start()])
        start = sum(map(len, text))
        text.append(m.group(2))
        spans.append({"start": start, "end": start + len(m.group(2)), "label": m.group(1)})
        pos = m.end()
    text.append(src[pos:])
    return {"id": note_id, "text": "".join(text), "spans": spans}


def build(here: Path, name: str) -> None:
    rows = [
        parse(line)
        for line in (here / f"{name}.src").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    out = here / f"{name}.jsonl"
    out.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    sys.stderr.write(f"{name}: {len(rows)} notes\n")


def main() -> None:
    here = Path(__file__).parent
    for name in ("holdout-notes", "holdout2-notes"):
        build(here, name)


if __name__ == "__main__":
    main()
