"""Builds the blind test set's gold JSONL from its writers' marked-up sources.

Sources (``src/*.src``) hold many notes each, written by writers who were
given only the labelling rules and a description of a style. A note starts at
a header line ``=== <id> <style>`` and runs, line breaks included, up to the
next header; its PII is marked inline as ``[[LABEL|value]]``. Lines starting
with ``#`` before the first header are comments.

The split into a dev half (readable while tuning) and a test half (scored only
as totals) is a hash of the note id, so it never depends on the order of the
files and a note never changes halves when the set grows.

Run ``python tests/data/blind/build.py`` to rebuild ``dev.jsonl`` and
``test.jsonl``; ``--check FILE`` only validates one source and prints counts.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

LABELS = frozenset(
    {
        "PERSON", "ADDRESS", "POSTAL_CODE", "MY_NUMBER", "PHONE_NUMBER", "EMAIL_ADDRESS",
        "DATE_OF_BIRTH", "BANK_ACCOUNT", "PENSION_NUMBER", "HEALTH_INSURANCE_NUMBER",
        "DRIVERS_LICENSE", "RESIDENCE_CARD", "PASSPORT",
    }
)  # fmt: skip
MARK = re.compile(r"\[\[([A-Z_]+)\|([^\[\]\n]+?)\]\]")
HEADER = re.compile(r"^=== (\S+) (\S+)\s*$")


class SourceError(ValueError):
    pass


def _my_number_ok(digits: str) -> bool:
    total = sum(
        int(p) * (n + 1 if n <= 6 else n - 5) for n, p in enumerate(reversed(digits[:11]), 1)
    )
    r = total % 11
    return int(digits[11]) == (0 if r <= 1 else 11 - r)


def parse_note(note_id: str, style: str, body: str) -> dict[str, object]:
    text: list[str] = []
    spans: list[dict[str, object]] = []
    pos = 0
    for m in MARK.finditer(body):
        label, value = m.group(1), m.group(2)
        if label not in LABELS:
            raise SourceError(f"{note_id}: unknown label {label}")
        if value != value.strip():
            raise SourceError(f"{note_id}: a {label} value starts or ends with a blank")
        text.append(body[pos : m.start()])
        start = sum(map(len, text))
        text.append(value)
        spans.append({"start": start, "end": start + len(value), "label": label})
        pos = m.end()
    text.append(body[pos:])
    plain = "".join(text)
    if "[[" in plain or "]]" in plain:
        raise SourceError(f"{note_id}: unbalanced [[ ]] markup")
    return {"id": note_id, "style": style, "text": plain, "spans": spans}


def parse_source(src: str) -> list[dict[str, object]]:
    notes: list[dict[str, object]] = []
    header: tuple[str, str] | None = None
    lines: list[str] = []

    def flush() -> None:
        if header is not None:
            body = "\n".join(lines).strip("\n")
            if not body.strip():
                raise SourceError(f"{header[0]}: empty note")
            notes.append(parse_note(header[0], header[1], body))

    for line in src.splitlines():
        m = HEADER.match(line)
        if m:
            flush()
            header, lines = (m.group(1), m.group(2)), []
        elif header is None:
            if line.strip() and not line.startswith("#"):
                raise SourceError("text before the first === header")
        else:
            lines.append(line)
    flush()
    return notes


def split_of(note_id: str) -> str:
    return "test" if hashlib.sha256(note_id.encode()).digest()[0] % 2 else "dev"


def load_all(src_dir: Path) -> list[dict[str, object]]:
    notes: list[dict[str, object]] = []
    for path in sorted(src_dir.glob("*.src")):
        notes.extend(parse_source(path.read_text(encoding="utf-8")))
    ids = Counter(str(n["id"]) for n in notes)
    dup = [i for i, c in ids.items() if c > 1]
    if dup:
        raise SourceError(f"duplicate note ids: {', '.join(sorted(dup)[:10])}")
    return notes


def warnings_for(note: dict[str, object]) -> list[str]:
    out = []
    text = str(note["text"])
    for span in note["spans"]:  # type: ignore[attr-defined]
        if span["label"] == "MY_NUMBER":
            value = text[span["start"] : span["end"]]
            digits = "".join(c for c in value if c.isdigit() and c.isascii())
            if len(digits) == 12 and not _my_number_ok(digits):
                out.append(f"{note['id']}: MY_NUMBER whose check digit fails")
    return out


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    if argv[:1] == ["--check"]:
        notes = parse_source(Path(argv[1]).read_text(encoding="utf-8"))
        labels = Counter(s["label"] for n in notes for s in n["spans"])  # type: ignore[attr-defined]
        styles = Counter(str(n["style"]) for n in notes)
        for n in notes:
            for w in warnings_for(n):
                print("warning:", w)
        print(f"{len(notes)} notes; styles {dict(styles)}; spans {dict(labels)}")
        return 0
    notes = load_all(here / "src")
    halves: dict[str, list[dict[str, object]]] = {"dev": [], "test": []}
    for n in notes:
        halves[split_of(str(n["id"]))].append(n)
    for name, rows in halves.items():
        (here / f"{name}.jsonl").write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
        )
        sys.stderr.write(f"{name}: {len(rows)} notes\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
