"""The store on SQLite and PostgreSQL: atomic writes, idempotency, tamper detection."""

from __future__ import annotations

import threading
from dataclasses import replace

import pytest
from sqlalchemy import Engine, inspect, select, text, update
from sqlalchemy.exc import IntegrityError, StatementError
from storekit import NOW, SHORT, sample_result

from redactor.crypto.errors import DecryptionError
from redactor.crypto.keys import LocalKeyring
from redactor.crypto.record import open_masked, open_vault, seal_redaction
from redactor.service import request_digest, store_redaction
from redactor.store import IdempotencyConflict, Store, upgrade_to_head
from redactor.store.models import Record, VaultPart


def test_when_migrated_twice_then_tables_exist_once(engine: Engine) -> None:
    upgrade_to_head(engine)
    names = set(inspect(engine).get_table_names())
    assert {"records", "vault_parts", "audit_log", "alembic_version"} <= names


def test_when_stored_then_read_back_with_deadlines(store: Store, keyring: LocalKeyring) -> None:
    result = sample_result()
    receipt = store_redaction(result, store=store, keys=keyring, now=NOW)
    rec = store.get(receipt.id)
    assert rec is not None and rec.masked is not None
    assert open_masked(keyring, rec.id, rec.masked) == result.text
    assert rec.label_counts == {"PERSON": 1, "PHONE_NUMBER": 1}
    assert rec.record_deadline == result.record_deadline and rec.created_at == NOW
    assert [p.retain_until for p in rec.vault] == sorted({o.retain_until for o in result.originals})
    assert rec.vault[0].retain_until == NOW + SHORT
    assert [p.labels for p in rec.vault] == [("PHONE_NUMBER",), ("PERSON",)]
    values = [
        i.value
        for p in rec.vault
        if p.sealed
        for i in open_vault(keyring, rec.id, p.sealed, p.retain_until)
    ]
    assert sorted(values) == sorted(o.value for o in result.originals)
    assert rec.masked.wrapped.key_id == "k1"


def test_when_insert_fails_midway_then_nothing_is_stored(
    store: Store, keyring: LocalKeyring
) -> None:
    sealed = seal_redaction(sample_result(), keyring, record_id="rec-atomic", now=NOW)
    broken = replace(sealed, vault=(sealed.vault[0], replace(sealed.vault[1], seq=0)))
    with pytest.raises(IntegrityError):
        store.insert(broken)  # the second vault part collides with the first
    assert store.get("rec-atomic") is None
    with store.transaction() as s:
        assert s.scalar(select(VaultPart.record_id)) is None


def test_when_same_idempotency_key_then_stored_once(store: Store, keyring: LocalKeyring) -> None:
    digest = request_digest(keyring, "note", "test", "1")
    first = store_redaction(
        sample_result(), store=store, keys=keyring, now=NOW, idempotency_key="req-1", digest=digest
    )
    again = store_redaction(
        sample_result(), store=store, keys=keyring, now=NOW, idempotency_key="req-1", digest=digest
    )
    assert (again.id, again.created, first.created) == (first.id, False, True)
    assert again.masked_text == first.masked_text
    assert store.record_ids() == [first.id]
    with pytest.raises(IdempotencyConflict):
        store_redaction(
            sample_result(),
            store=store,
            keys=keyring,
            now=NOW,
            idempotency_key="req-1",
            digest=request_digest(keyring, "other", "test", "1"),
        )


def test_when_idempotent_retries_race_then_one_record(store: Store, keyring: LocalKeyring) -> None:
    digest = request_digest(keyring, "note", "test", "1")
    ids: list[str] = []
    barrier = threading.Barrier(4)

    def post() -> None:
        barrier.wait()
        ids.append(
            store_redaction(
                sample_result(),
                store=store,
                keys=keyring,
                now=NOW,
                idempotency_key="req-race",
                digest=digest,
            ).id
        )

    threads = [threading.Thread(target=post) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(ids) == 4 and len(set(ids)) == 1
    assert store.record_ids() == ids[:1]


def _flip(value: bytes) -> bytes:
    return value[:20] + bytes([value[20] ^ 0x01]) + value[21:]


MASKED_TAMPERS = {
    "ciphertext-byte": lambda r: {"masked_ciphertext": _flip(r.masked_ciphertext)},
    "wrapped-key-byte": lambda r: {"masked_wrapped_key": _flip(r.masked_wrapped_key)},
    "dek-id": lambda r: {"masked_dek_id": "0" * 16},
    "kek-id": lambda r: {"masked_kek_id": "k2"},
    "deadline": lambda r: {"record_deadline": r.record_deadline + SHORT},
}


@pytest.mark.parametrize("tamper", list(MASKED_TAMPERS), ids=str)
def test_when_masked_row_tampered_then_decryption_error(
    store: Store, keyring: LocalKeyring, tamper: str
) -> None:
    rid = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    keyring.rotate(now=NOW)  # k2 exists: a claimed KEK id must still fail
    with store.transaction() as s:
        row = s.get(Record, rid)
        assert row is not None
        s.execute(update(Record).where(Record.id == rid).values(**MASKED_TAMPERS[tamper](row)))
    rec = store.get(rid)
    assert rec is not None and rec.masked is not None
    with pytest.raises(DecryptionError):
        open_masked(keyring, rid, rec.masked)


def test_when_ciphertext_copied_to_another_row_then_decryption_error(
    store: Store, keyring: LocalKeyring
) -> None:
    a = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    b = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    with store.transaction() as s:
        src = s.get(Record, a)
        assert src is not None
        s.execute(
            update(Record)
            .where(Record.id == b)
            .values(
                masked_ciphertext=src.masked_ciphertext,
                masked_wrapped_key=src.masked_wrapped_key,
                masked_dek_id=src.masked_dek_id,
            )
        )
    rec = store.get(b)
    assert rec is not None and rec.masked is not None
    with pytest.raises(DecryptionError):
        open_masked(keyring, b, rec.masked)


@pytest.mark.parametrize("column", ["ciphertext", "wrapped_key", "retain_until", "seq-swap"])
def test_when_vault_part_tampered_then_decryption_error(
    store: Store, keyring: LocalKeyring, column: str
) -> None:
    rid = store_redaction(sample_result(), store=store, keys=keyring, now=NOW).id
    with store.transaction() as s:
        part = s.get(VaultPart, (rid, 0))
        other = s.get(VaultPart, (rid, 1))
        assert part is not None and other is not None
        if column == "retain_until":
            part.retain_until = part.retain_until + SHORT
        elif column == "seq-swap":  # part 1's sealed content moved under part 0's metadata
            part.ciphertext, part.wrapped_key, part.dek_id = (
                other.ciphertext,
                other.wrapped_key,
                other.dek_id,
            )
        else:
            setattr(part, column, _flip(getattr(part, column)))
    rec = store.get(rid)
    assert rec is not None and rec.vault[0].sealed is not None
    with pytest.raises(DecryptionError):
        open_vault(keyring, rid, rec.vault[0].sealed, rec.vault[0].retain_until)
    assert rec.vault[1].sealed is not None  # the untouched part still opens
    assert open_vault(keyring, rid, rec.vault[1].sealed, rec.vault[1].retain_until)


def test_when_naive_datetime_then_refused(store: Store, keyring: LocalKeyring) -> None:
    with pytest.raises((ValueError, StatementError)):
        store_redaction(sample_result(), store=store, keys=keyring, now=NOW.replace(tzinfo=None))
    with store.transaction() as s:
        assert s.execute(text("SELECT count(*) FROM records")).scalar() == 0


def test_when_caller_id_differs_then_the_request_digest_differs(keyring: LocalKeyring) -> None:
    digests = {
        request_digest(keyring, "note", "test", "1", caller) for caller in (None, "", "a", "b")
    }
    assert len(digests) == 4
    assert request_digest(keyring, "note", "test", "1", "a") == request_digest(
        keyring, "note", "test", "1", "a"
    )
