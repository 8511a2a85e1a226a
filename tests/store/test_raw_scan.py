"""Nothing readable reaches the database: no original value, no masked sentence.

Every dev note is stored (gold spans masked by hand) and then the raw bytes
are scanned: the SQLite file itself, or on PostgreSQL every column of every
table, as stored bytes and as its text cast.
"""

from __future__ import annotations

import re
from pathlib import Path

from datafiles import load_dev_notes
from sqlalchemy import Engine, text
from storekit import NOW, RECORD, redaction_from_gold

from redactor.crypto.keys import LocalKeyring
from redactor.service import read_original, store_redaction, sweep
from redactor.store import Store


class _Policy:
    name, version = "test", "1"
    original_viewer_roles = ("supervisor",)
    purpose_required = True


def _needles() -> tuple[set[bytes], set[bytes]]:
    values, sentences = set(), set()
    for note in load_dev_notes():
        for s in note["spans"]:
            values.add(note["text"][s["start"] : s["end"]].encode())
        masked = redaction_from_gold(note["text"], note["spans"]).text
        for piece in re.split(r"[\s。、]+", masked):
            if len(piece) >= 5 and not re.fullmatch(r"(<[A-Z_]+>)+", piece):
                sentences.add(piece.encode())
    return values, sentences


def _dump(engine: Engine, tmp_path: Path) -> bytes:
    if engine.dialect.name == "sqlite":
        engine.dispose()
        return b"".join(p.read_bytes() for p in tmp_path.glob("redactor.db*"))
    chunks = []
    with engine.connect() as conn:
        for table in ("records", "vault_parts", "audit_log"):
            for row in conn.execute(text(f"SELECT * FROM {table}")):
                for v in row:
                    chunks.append(v if isinstance(v, bytes | memoryview) else str(v).encode())
            for (line,) in conn.execute(text(f"SELECT t::text FROM {table} t")):
                chunks.append(line.encode())
    return b"\n".join(bytes(c) for c in chunks)


_HEX = re.compile(rb"[0-9a-fA-F]+")


def _found(needle: bytes, raw: bytes) -> bool:
    """``needle`` stands in ``raw`` — for a value made only of hex digits (a bank code
    such as 14170), not merely as a piece of a longer hex run: record ids, hash-chain
    digests and PostgreSQL's hex rendering of ciphertext hold every five-digit string
    by chance (about one in a million positions), which is no leak."""
    if not _HEX.fullmatch(needle):
        return needle in raw
    pattern = rb"(?<![0-9a-fA-F])" + re.escape(needle) + rb"(?![0-9a-fA-F])"
    return re.search(pattern, raw) is not None


def test_when_a_hex_looking_value_is_stored_in_plaintext_then_the_scan_finds_it() -> None:
    assert _found(b"14170", b'{"value":"14170"}')
    assert not _found(b"14170", b"\\x9f14170ab3")
    assert _found("西中島".encode(), "住所は西中島".encode())


def test_when_dev_notes_stored_then_no_original_or_masked_sentence_in_raw_bytes(
    store: Store, keyring: LocalKeyring, engine: Engine, tmp_path: Path
) -> None:
    notes = load_dev_notes()
    ids = [
        store_redaction(
            redaction_from_gold(n["text"], n["spans"]), store=store, keys=keyring, now=NOW
        ).id
        for n in notes
    ]
    # Views and shreds write the audit log too: it must hold labels, never values.
    for rid in ids[:10]:
        read_original(
            rid,
            store=store,
            keys=keyring,
            actor="u1",
            role="supervisor",
            purpose="complaint_followup",
            policy=_Policy(),
            now=NOW,
        )
    sweep(store=store, now=NOW + RECORD / 5)
    raw = _dump(engine, tmp_path)
    values, sentences = _needles()
    assert len(values) > 300 and len(sentences) > 100 and len(raw) > 10_000
    # Two values are too short to mean anything in a megabyte of ciphertext and
    # timestamps ("17", one kanji); every other one (406 of 408) is checked.
    checked = [v for v in values if len(v) >= 5]
    assert len(checked) >= len(values) - 2
    leaked_values = [v for v in checked if _found(v, raw)]
    leaked_sentences = [s for s in sentences if _found(s, raw)]
    assert leaked_values == [] and leaked_sentences == []
    assert ids[0].encode() in raw  # the scan does see the rows
