"""The hash-chained audit log: appends, tamper detection, no fork under concurrency."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import timedelta

import pytest
from sqlalchemy import Engine, delete, update
from storekit import NOW

from redactor.audit import log
from redactor.store import Store
from redactor.store.models import AuditRow


def _entry(i: int) -> log.AuditEntry:
    return log.AuditEntry(
        at=NOW + timedelta(seconds=i),
        actor=f"user{i}",
        role="supervisor",
        action="view_original",
        result="allowed",
        purpose="complaint_followup",
        record_id=f"rec-{i}",
        labels=("PERSON", "ADDRESS"),
        policy="default@1",
        key_version="k1",
    )


def _fill(store: Store, n: int) -> list[int]:
    with store.transaction() as s:
        for i in range(n):
            log.append(s, _entry(i))
    with store.transaction() as s:
        return [e.id for e in log.entries(s)]


def test_when_appended_then_chain_verifies_and_labels_sorted(store: Store) -> None:
    ids = _fill(store, 5)
    with store.transaction() as s:
        assert log.verify_chain(s) is None
        entries = log.entries(s)
        assert log.head(s) == entries[-1].entry_hash != log.GENESIS
    assert len(ids) == 5 and entries[0].entry.labels == ("ADDRESS", "PERSON")
    assert entries[2].entry == replace(_entry(2), labels=("ADDRESS", "PERSON"))


TAMPERS = {
    "actor": {"actor": "someone else"},
    "labels": {"labels": '["PERSON"]'},
    "labels-not-json": {"labels": "PERSON"},
    "time": {"at": "2025-04-01T09:00:02.000001+00:00"},
    "result": {"result": "denied: role"},
    "purpose": {"purpose": None},
    "prev_hash": {"prev_hash": "f" * 64},
    "entry_hash": {"entry_hash": "0" * 63 + "1"},
}


@pytest.mark.parametrize("column", list(TAMPERS), ids=str)
def test_when_one_entry_tampered_then_first_broken_entry_named(store: Store, column: str) -> None:
    ids = _fill(store, 5)
    with store.transaction() as s:
        s.execute(update(AuditRow).where(AuditRow.id == ids[2]).values(**TAMPERS[column]))
    with store.transaction() as s:
        assert log.verify_chain(s) == ids[2]


def test_when_one_character_of_entry_hash_flipped_then_detected(store: Store) -> None:
    ids = _fill(store, 3)
    with store.transaction() as s:
        row = s.get(AuditRow, ids[1])
        assert row is not None
        row.entry_hash = row.entry_hash[:-1] + ("0" if row.entry_hash[-1] != "0" else "1")
    with store.transaction() as s:
        assert log.verify_chain(s) == ids[1]


def test_when_middle_entry_deleted_then_next_entry_named(store: Store) -> None:
    ids = _fill(store, 5)
    with store.transaction() as s:
        s.execute(delete(AuditRow).where(AuditRow.id == ids[1]))
    with store.transaction() as s:
        assert log.verify_chain(s) == ids[2]


def test_when_naive_time_then_refused() -> None:
    with pytest.raises(ValueError):
        log.AuditEntry(
            at=NOW.replace(tzinfo=None), actor="a", role="r", action="x", result="y"
        ).canonical()


def test_when_appending_concurrently_then_no_fork(engine: Engine) -> None:
    barrier = threading.Barrier(4)

    def run(k: int) -> None:
        store = Store(engine)
        barrier.wait()
        for i in range(10):
            with store.transaction() as s:
                log.append(s, _entry(k * 100 + i))

    threads = [threading.Thread(target=run, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    with Store(engine).transaction() as s:
        assert len(log.entries(s)) == 40
        assert log.verify_chain(s) is None
