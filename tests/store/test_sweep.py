"""Retention: crypto-shredding at deadlines, erasure, key rotation; each audit-logged."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import Engine
from storekit import LONG, NOW, RECORD, SHORT, sample_result

from redactor.audit import log
from redactor.crypto.envelope import open_field
from redactor.crypto.errors import DecryptionError
from redactor.crypto.keys import LocalKeyring
from redactor.service import (
    KeyStillInUse,
    RecordNotFound,
    delete_record,
    retire_key,
    rotate_keys,
    store_redaction,
    sweep,
)
from redactor.store import Store


def _actions(store: Store) -> list[tuple[str, str | None, str]]:
    with store.transaction() as s:
        return [(e.entry.action, e.entry.record_id, e.entry.result) for e in log.entries(s)]


def test_when_swept_then_expired_originals_go_first_and_only_they(
    store: Store, keyring: LocalKeyring
) -> None:
    rid = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    assert sweep(store=store, now=NOW + SHORT - SHORT / 30) == []  # a day early
    events = sweep(store=store, now=NOW + SHORT)
    assert [(e.part, e.labels) for e in events] == [("vault/0", ("PHONE_NUMBER",))]
    rec = store.get(rid)
    assert rec is not None and rec.vault[0].sealed is None and rec.vault[0].shredded_at
    assert rec.vault[1].sealed is not None and rec.masked is not None
    assert sweep(store=store, now=NOW + SHORT) == []  # idempotent
    events = sweep(store=store, now=NOW + RECORD)
    assert [e.part for e in events] == ["vault/1", "masked"]  # originals first
    assert store.due_for_shred(NOW + RECORD * 2) == []
    assert _actions(store) == [
        ("shred", rid, "destroyed vault/0"),
        ("shred", rid, "destroyed vault/1"),
        ("shred", rid, "destroyed masked"),
    ]


def test_when_due_listed_then_sweep_backlog(store: Store, keyring: LocalKeyring) -> None:
    rid = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    assert store.due_for_shred(NOW) == []
    assert [(d.record_id, d.part) for d in store.due_for_shred(NOW + LONG)] == [
        (rid, "vault/0"),
        (rid, "vault/1"),
    ]


def test_when_swept_then_originals_unrecoverable_with_every_key_backups_included(
    store: Store, keyring: LocalKeyring, engine: Engine, tmp_path: Path
) -> None:
    rid = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    backup = store.get(rid)  # what a database backup taken now would hold
    assert backup is not None
    sweep(store=store, now=NOW + LONG)
    rec = store.get(rid)
    assert rec is not None and all(p.sealed is None for p in rec.vault)
    # The live database holds neither the wrapped keys nor the ciphertexts any more.
    if engine.dialect.name == "sqlite":
        engine.dispose()
        raw = (tmp_path / "redactor.db").read_bytes()
        for p in backup.vault:
            assert p.sealed is not None
            assert p.sealed.ciphertext not in raw and p.sealed.wrapped.blob not in raw
    # A backup stays readable only while its KEK lives: rotate, then retire the old key.
    report = rotate_keys(store=store, keys=keyring, now=NOW + LONG, actor="ops", role="admin")
    assert report.rewrapped == 1  # only the masked note was still live
    retire_key("k1", store=store, keys=keyring, now=NOW + LONG, actor="ops", role="admin")
    assert keyring.key_ids() == ("k2",)
    for p in backup.vault:
        assert p.sealed is not None
        with pytest.raises(DecryptionError):
            open_field(keyring, rid, p.sealed)
    rec = store.get(rid)
    assert rec is not None and rec.masked is not None
    assert open_field(keyring, rid, rec.masked)  # live data survived the rotation


def test_when_sweeps_run_concurrently_then_each_key_is_shredded_once(
    store: Store, keyring: LocalKeyring, engine: Engine
) -> None:
    ids = [
        store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id for _ in range(12)
    ]
    barrier = threading.Barrier(3)
    counts: list[int] = []

    def run() -> None:
        barrier.wait()
        counts.append(len(sweep(store=Store(engine), now=NOW + RECORD)))

    threads = [threading.Thread(target=run) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sum(counts) == 3 * len(ids)  # two vault parts and one note each
    shreds = [a for a in _actions(store) if a[0] == "shred"]
    assert len(shreds) == len(set(shreds)) == 3 * len(ids)
    with store.transaction() as s:
        assert log.verify_chain(s) is None


def test_when_record_deleted_then_keys_and_ciphertext_gone(
    store: Store, keyring: LocalKeyring
) -> None:
    rid = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    assert delete_record(rid, store=store, actor="a", role="admin", purpose="erasure", now=NOW)
    rec = store.get(rid)
    assert rec is not None and rec.deleted_at == NOW and rec.masked is None
    assert all(p.sealed is None for p in rec.vault)
    assert not delete_record(rid, store=store, actor="a", role="admin", purpose=None, now=NOW)
    missing = "00000000-0000-4000-8000-000000000000"
    assert not delete_record(missing, store=store, actor="a", role="admin", purpose=None, now=NOW)
    assert [a[2] for a in _actions(store)] == [
        "destroyed vault/0",
        "destroyed vault/1",
        "destroyed masked",
        "not_found",
        "not_found",
    ]
    assert sweep(store=store, now=NOW + RECORD) == []
    with pytest.raises(RecordNotFound):
        from redactor.service import read_masked

        read_masked(rid, store=store, keys=keyring, actor="a", role="staff", now=NOW)


def test_when_rotated_then_keys_rewrapped_ciphertexts_untouched(
    store: Store, keyring: LocalKeyring
) -> None:
    rids = [
        store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id for _ in range(3)
    ]
    before = {r: store.get(r) for r in rids}
    with pytest.raises(KeyStillInUse):
        rotate_keys(
            store=store, keys=keyring, now=NOW, actor="ops", role="admin", new_key=False
        )  # nothing to do: all under k1 already
        retire_key("k1", store=store, keys=keyring, now=NOW, actor="ops", role="admin")
    report = rotate_keys(store=store, keys=keyring, now=NOW, actor="ops", role="admin")
    assert (report.primary_key_id, report.rewrapped) == ("k2", 9)
    assert store.count_wrapped_by("k1") == 0 and store.count_wrapped_by("k2") == 9
    for r in rids:
        old, new = before[r], store.get(r)
        assert old is not None and new is not None and old.masked and new.masked
        assert new.masked.ciphertext == old.masked.ciphertext
        assert new.masked.wrapped.key_id == "k2" != old.masked.wrapped.key_id
    assert (
        rotate_keys(
            store=store, keys=keyring, now=NOW, actor="ops", role="admin", new_key=False
        ).rewrapped
        == 0
    )
    retire_key("k1", store=store, keys=keyring, now=NOW, actor="ops", role="admin")
    for r in rids:
        rec = store.get(r)
        assert rec is not None and rec.masked is not None
        assert open_field(keyring, r, rec.masked)
    assert [a[0] for a in _actions(store)][-4:] == [
        "rotate_keys",
        "rotate_keys",
        "rotate_keys",
        "retire_key",
    ]
