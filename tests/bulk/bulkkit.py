"""Shared by the bulk tests: note files, a gold analyzer, the store's records as seen."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from datafiles import load_dev_notes
from sqlalchemy import select

from redactor.crypto.keys import KeyProvider
from redactor.crypto.record import open_masked, open_vault
from redactor.entities import Entity
from redactor.store import Store, open_store
from redactor.store.models import Record

POLICY = Path(__file__).resolve().parents[2] / "policies" / "default.yaml"
STRICT = Path(__file__).resolve().parents[2] / "policies" / "strict.yaml"
NOW = "2025-04-01T09:00:00+09:00"


class GoldAnalyzer:
    """Answers with the gold spans of the dev notes: the pipeline is tested, not the model."""

    calls = 0

    def __init__(self) -> None:
        self.gold = {n["text"]: n["spans"] for n in load_dev_notes()}

    def analyze(self, text: str) -> list[Entity]:
        GoldAnalyzer.calls += 1
        return [Entity(s["start"], s["end"], s["label"], 0.99, "gold")
                for s in self.gold.get(text, [])]


class BlindAnalyzer:
    """Finds nothing: a store masked by it holds notes in clear (for re-scan, re-redact)."""

    def analyze(self, text: str) -> list[Entity]:
        del text
        return []


def notes(count: int, *, callers: int = 5) -> list[dict[str, Any]]:
    """``count`` notes cycled from the dev notes, each its own id, a few shared callers."""
    dev = load_dev_notes()
    return [{"id": f"n{i:05d}", "text": dev[i % len(dev)]["text"],
             "caller_id": f"caller-{i % callers}"} for i in range(count)]


def write_jsonl(path: Path, rows: list[dict[str, Any]], extra: list[bytes] = ()) -> Path:
    """Rows as JSONL, then the raw ``extra`` lines (malformed ones) appended."""
    with path.open("wb") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False).encode() + b"\n")
        for raw in extra:
            fh.write(raw + b"\n")
    return path


def stored(url: str, keys: KeyProvider) -> dict[str, dict[str, Any]]:
    """Every live record by idempotency key: masked text, labels, originals (decrypted)."""
    store: Store = open_store(url)
    out: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        rows = conn.execute(select(Record.id, Record.idempotency_key)
                            .where(Record.deleted_at.is_(None))).all()
    for record_id, key in rows:
        rec = store.get(record_id)
        assert rec is not None and rec.masked is not None
        originals = sorted((v.label, v.start, v.end, v.value) for p in rec.vault if p.sealed
                           for v in open_vault(keys, rec.id, p.sealed, p.retain_until))
        out[str(key)] = {"masked": open_masked(keys, rec.id, rec.masked),
                         "labels": rec.label_counts, "policy": rec.policy,
                         "originals": originals}
    store.engine.dispose()
    return out
